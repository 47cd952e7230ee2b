import { describe, expect, it } from 'vitest';
import { parseRequest } from '@/utils/messages/parse-request';

describe('parseRequest for account requests', () => {
  it.each([
    [{ type: 'account-status' }],
    [{ type: 'workspace-connect', url: 'https://x.supabase.co', anonKey: 'k' }],
    [{ type: 'workspace-disconnect', keepDrafts: true }],
    [{ type: 'sign-in-password', email: 'a@b.example', password: 'pw' }],
    [{ type: 'sign-in-code-send', email: 'a@b.example' }],
    [{ type: 'sign-in-code-verify', email: 'a@b.example', code: '123456' }],
    [{ type: 'sign-in-oauth', provider: 'azure' }],
    [{ type: 'sign-out', keepDrafts: false }],
    [{ type: 'upload-local-drafts' }],
    [{ type: 'sync-now' }],
  ])('reads %o as it was sent', (message) => {
    const request = parseRequest(message);

    expect(request).toEqual(message);
  });

  it('leaves out fields the request does not name', () => {
    const request = parseRequest({ type: 'sync-now', wipe: true });

    expect(request).toEqual({ type: 'sync-now' });
  });

  it.each([
    [{ type: 'workspace-connect', url: 'https://x.example' }, /"anonKey"/],
    [{ type: 'workspace-connect', url: 7, anonKey: 'k' }, /"url"/],
    [{ type: 'workspace-disconnect' }, /"keepDrafts" must be true or false/],
    [{ type: 'sign-out', keepDrafts: 'yes' }, /"keepDrafts"/],
    [{ type: 'sign-in-password', email: 'nobody', password: 'pw' }, /email/],
    [{ type: 'sign-in-password', email: 'a@b.example' }, /"password"/],
    [{ type: 'sign-in-code-send', email: '' }, /"email"/],
    [
      { type: 'sign-in-code-verify', email: 'a@b.example', code: 'abc' },
      /digits/,
    ],
    [{ type: 'sign-in-oauth', provider: 'https://evil' }, /provider name/],
    [
      {
        type: 'sign-in-password',
        email: 'a@b.example',
        password: 'x'.repeat(5000),
      },
      /longer/,
    ],
  ])('rejects %o with a readable reason', (message, reason) => {
    const attempt = () => parseRequest(message);

    expect(attempt).toThrow(reason);
  });
});
