import { describe, expect, it } from 'vitest';
import {
  readWorkspaceInput,
  workspaceOriginPattern,
} from '@/utils/background/workspace-input';
import { ANON_KEY, fakeKey } from './fakes/account-harness';

describe('readWorkspaceInput', () => {
  it.each([
    ['https://northwind.supabase.co/', 'https://northwind.supabase.co'],
    ['  https://northwind.supabase.co  ', 'https://northwind.supabase.co'],
    ['http://127.0.0.1:54321', 'http://127.0.0.1:54321'],
  ])('reduces %s to its origin', (url, expected) => {
    const config = readWorkspaceInput(url, ANON_KEY);

    expect(config.url).toBe(expected);
  });

  it.each([
    ['not a url', /not a web address/],
    ['http://northwind.example', /https/],
    ['ftp://northwind.example', /https/],
    ['https://northwind.example/rest/v1', /without a path/],
    ['https://northwind.example/?x=1', /URL alone/],
    ['https://user:pw@northwind.example', /URL alone/],
    ['https://evil.example#@northwind.supabase.co', /URL alone/],
  ])('refuses %s', (url, reason) => {
    const attempt = () => readWorkspaceInput(url, ANON_KEY);

    expect(attempt).toThrow(reason);
  });

  it('refuses the service key by name', () => {
    const attempt = () =>
      readWorkspaceInput('https://x.supabase.co', fakeKey('service_role'));

    expect(attempt).toThrow(/service key/);
  });

  it.each([['not-a-jwt'], [fakeKey('authenticated')], ['a.%%%.c']])(
    'refuses the key %s',
    (key) => {
      const attempt = () => readWorkspaceInput('https://x.supabase.co', key);

      expect(attempt).toThrow(/anon key/);
    },
  );
});

describe('workspaceOriginPattern', () => {
  it('names the origin for a host permission request', () => {
    const pattern = workspaceOriginPattern('https://x.supabase.co/');

    expect(pattern).toBe('https://x.supabase.co/*');
  });
});
