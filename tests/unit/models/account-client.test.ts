import { describe, expect, it } from 'vitest';
import { createAccountClient } from '@/utils/models/account-client';
import { fakeStatus } from '../fakes/account-background';

function answering(reply: unknown) {
  return createAccountClient({ sendMessage: async () => reply });
}

describe('createAccountClient', () => {
  it('returns a status that has every part', async () => {
    const status = fakeStatus();

    const reply = await answering(status).send({ type: 'account-status' });

    expect(reply).toEqual(status);
  });

  it('refuses a status without its sync state', async () => {
    const client = answering({ workspace: null, user: null });

    const reply = client.send({ type: 'account-status' });

    await expect(reply).rejects.toThrow(/unreadable reply/);
  });

  it('throws the background’s sentence when it refused a sync request', async () => {
    const client = answering({
      ok: false,
      code: 'bad-request',
      message: 'Unknown request type "sync-now".',
    });

    const reply = client.send({ type: 'sync-now' });

    await expect(reply).rejects.toThrow('Unknown request type "sync-now".');
  });

  it('passes a refused action on as a reply to show', async () => {
    const refusal = { ok: false, code: 'invalid-code', message: 'Expired.' };

    const reply = await answering(refusal).send({
      type: 'sign-in-code-verify',
      email: 'carol@example.com',
      code: '000000',
    });

    expect(reply).toEqual(refusal);
  });
});
