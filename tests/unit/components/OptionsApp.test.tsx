// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import type {
  AccountFailureCode,
  AccountRequest,
  AccountStatus,
} from '@/utils/messages/account-protocol';
import { createAccountClient } from '@/utils/models/account-client';
import { createAccountModel } from '@/utils/models/account-model';
import {
  fakeAccountBackground,
  fakeStatus,
  signedInStatus,
  USER_WORKSPACE,
} from '../fakes/account-background';
import { axeViolations } from '../fakes/axe';

const CONNECTED = fakeStatus({ workspace: USER_WORKSPACE });
const MANAGED = fakeStatus({
  workspace: { ...USER_WORKSPACE, source: 'managed' },
});

function refusing(code: AccountFailureCode, message = '') {
  return () => ({ ok: false, code, message });
}

async function renderOptions(
  status: AccountStatus,
  setUp?: (background: ReturnType<typeof fakeAccountBackground>) => void,
  oauthProvider: string | null = 'azure',
) {
  const background = fakeAccountBackground(status);
  setUp?.(background);
  const account = createAccountModel({
    account: createAccountClient(background.runtime),
    openOptions: async () => {},
  });
  await account.refresh();
  render(
    <OptionsApp account={account} oauthProvider={oauthProvider ?? undefined} />,
  );
  return background.sent;
}

function connect(url = USER_WORKSPACE.url) {
  fireEvent.input(screen.getByLabelText('Supabase URL'), {
    target: { value: url },
  });
  fireEvent.input(screen.getByLabelText('Anon key'), {
    target: { value: 'anon' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
}

function typeInto(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('OptionsApp', () => {
  afterEach(cleanup);

  it('says sync is off and asks for a workspace in local-only mode', async () => {
    await renderOptions(fakeStatus());

    expect([
      screen.getByText(/Sync is off/),
      screen.getByLabelText('Supabase URL'),
    ]).toHaveLength(2);
  });

  it('shows the workspace and the sign-in form once connected', async () => {
    await renderOptions(fakeStatus());

    connect();

    expect(await screen.findByLabelText('Password')).toBeTruthy();
  });

  it.each([
    ['unreachable', 'The workspace cannot be reached.'],
    ['not-supabase', 'This address does not answer like a Supabase project.'],
    ['bad-settings', 'The workspace refused this anon key. Copy it again.'],
  ] as const)('says why a workspace was refused as %s', async (code, text) => {
    await renderOptions(fakeStatus(), (background) =>
      background.answer('workspace-connect', refusing(code, text)),
    );

    connect();

    expect((await screen.findByRole('alert')).textContent).toBe(text);
  });

  it('words a refusal that came without a sentence', async () => {
    await renderOptions(fakeStatus(), (background) =>
      background.answer('workspace-connect', refusing('not-supabase', '')),
    );

    connect();

    expect((await screen.findByRole('alert')).textContent).toMatch(
      /not as a Supabase project/,
    );
  });

  it('shows a managed workspace read-only, without Disconnect', async () => {
    await renderOptions(MANAGED);

    expect([
      screen.getByText(/Your administrator set this workspace/),
      screen.queryByRole('button', { name: 'Disconnect' }),
    ]).toEqual([expect.anything(), null]);
  });

  it('signs in with email and password', async () => {
    await renderOptions(CONNECTED);
    typeInto('Email', 'carol@northwind.example');
    typeInto('Password', 'secret');

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByText('carol@northwind.example', {
        selector: 'strong',
      }),
    ).toBeTruthy();
  });

  it('says plainly that a password was wrong', async () => {
    await renderOptions(CONNECTED, (background) =>
      background.answer('sign-in-password', refusing('invalid-credentials')),
    );
    typeInto('Email', 'carol@northwind.example');
    typeInto('Password', 'wrong');

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(
      /do not match an account/,
    );
  });

  it('signs in with an emailed code', async () => {
    const sent = await renderOptions(CONNECTED);
    typeInto('Email', 'carol@northwind.example');
    fireEvent.click(screen.getByRole('button', { name: 'Email me a code' }));
    await screen.findByLabelText('Code from the email');
    typeInto('Code from the email', '123456');

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('button', { name: 'Sign out' });
    expect(sent).toContainEqual({
      type: 'sign-in-code-verify',
      email: 'carol@northwind.example',
      code: '123456',
    });
  });

  it('says plainly that a code was wrong', async () => {
    await renderOptions(CONNECTED, (background) =>
      background.answer('sign-in-code-verify', refusing('invalid-code')),
    );
    typeInto('Email', 'carol@northwind.example');
    fireEvent.click(screen.getByRole('button', { name: 'Email me a code' }));
    await screen.findByLabelText('Code from the email');
    typeInto('Code from the email', '000000');

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(
      /wrong or has expired/,
    );
  });

  it('asks the workplace provider the build names', async () => {
    const sent = await renderOptions(CONNECTED);

    fireEvent.click(
      screen.getByRole('button', {
        name: 'Sign in with your workplace account',
      }),
    );

    await screen.findByRole('button', { name: 'Sign out' });
    expect(sent).toContainEqual<AccountRequest>({
      type: 'sign-in-oauth',
      provider: 'azure',
    });
  });

  it('hides the workplace sign-in when no provider is set up', async () => {
    await renderOptions(CONNECTED, undefined, null);

    expect(
      screen.queryByRole('button', {
        name: 'Sign in with your workplace account',
      }),
    ).toBeNull();
  });

  it('offers to sign in again with the same email when the session expired', async () => {
    const sync = {
      ...signedInStatus().sync,
      problem: { code: 'session-expired' as const, message: 'expired' },
    };
    await renderOptions(signedInStatus({ sync }));

    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe(
      'carol@northwind.example',
    );
  });

  it('reads the status again on Try again', async () => {
    let unanswered = true;
    await renderOptions(fakeStatus(), (background) =>
      background.answer('account-status', () =>
        unanswered ? undefined : fakeStatus(),
      ),
    );
    unanswered = false;

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByLabelText('Supabase URL')).toBeTruthy();
  });

  it('asks whether to keep drafts before signing out', async () => {
    await renderOptions(signedInStatus());

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(
      screen.getByRole('group', { name: /keep your drafts/ }),
    ).toBeTruthy();
  });

  it('signs out removing drafts when that is the answer', async () => {
    const sent = await renderOptions(signedInStatus());
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    fireEvent.click(
      screen.getByRole('button', { name: 'Remove drafts from this browser' }),
    );

    await screen.findByLabelText('Password');
    expect(sent).toContainEqual({ type: 'sign-out', keepDrafts: false });
  });

  it('offers to upload drafts made before connecting', async () => {
    const sent = await renderOptions(signedInStatus({ localOnlyDrafts: 2 }));

    fireEvent.click(
      screen.getByRole('button', { name: 'Upload 2 drafts to the workspace' }),
    );

    await expect.poll(() => screen.queryByText(/were made before/)).toBeNull();
    expect(sent).toContainEqual({ type: 'upload-local-drafts' });
  });

  it.each([
    ['local-only', fakeStatus()],
    ['connected', CONNECTED],
    ['signed in with drafts to upload', signedInStatus({ localOnlyDrafts: 2 })],
    ['managed', MANAGED],
  ])('passes an accessibility check %s', async (_, status) => {
    await renderOptions(status);

    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('passes an accessibility check while asking about drafts', async () => {
    await renderOptions(signedInStatus());
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await axeViolations(document.body)).toEqual([]);
  });
});
