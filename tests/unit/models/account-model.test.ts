import { describe, expect, it } from 'vitest';
import { createAccountClient } from '@/utils/models/account-client';
import { createAccountModel } from '@/utils/models/account-model';
import {
  fakeAccountBackground,
  fakeStatus,
  signedInStatus,
  USER_WORKSPACE,
} from '../fakes/account-background';

function modelOver(background: ReturnType<typeof fakeAccountBackground>) {
  return createAccountModel({
    account: createAccountClient(background.runtime),
    openOptions: async () => {},
  });
}

describe('createAccountModel', () => {
  it('reads the status from the background', async () => {
    const model = modelOver(fakeAccountBackground(signedInStatus()));

    await model.refresh();

    expect(model.status.value?.user?.email).toBe('carol@northwind.example');
  });

  it('keeps an unreadable status as a problem to show', async () => {
    const background = fakeAccountBackground();
    background.answer('account-status', () => ({ ok: true }));
    const model = modelOver(background);

    await model.refresh();

    expect(model.statusProblem.value).toMatch(/unreadable reply/);
  });

  it('connects and reads the connected workspace back', async () => {
    const model = modelOver(fakeAccountBackground());

    await model.connect(USER_WORKSPACE.url, 'anon');

    expect(model.status.value?.workspace?.url).toBe(USER_WORKSPACE.url);
  });

  it('keeps why a workspace was refused, with its code', async () => {
    const background = fakeAccountBackground();
    background.answer('workspace-connect', () => ({
      ok: false,
      code: 'not-supabase',
      message: 'HTTP 404 on /auth/v1/settings',
    }));
    const model = modelOver(background);

    await model.connect('https://example.com', 'anon');

    expect(model.problem.value).toEqual({
      section: 'workspace',
      code: 'not-supabase',
      message: 'HTTP 404 on /auth/v1/settings',
    });
  });

  it('keeps a background that does not answer as a section problem', async () => {
    const model = createAccountModel({
      account: createAccountClient({
        sendMessage: () => Promise.reject(new Error('No receiver')),
      }),
      openOptions: async () => {},
    });

    await model.signInWithPassword('carol@northwind.example', 'secret');

    expect(model.problem.value?.section).toBe('account');
  });

  it('asks for the code with the email it was sent to', async () => {
    const background = fakeAccountBackground(
      fakeStatus({
        workspace: USER_WORKSPACE,
      }),
    );
    const model = modelOver(background);
    await model.sendCode('carol@northwind.example');

    await model.verifyCode('123456');

    expect(background.sent.at(-2)).toEqual({
      type: 'sign-in-code-verify',
      email: 'carol@northwind.example',
      code: '123456',
    });
  });

  it('signs out keeping drafts only after the choice is made', async () => {
    const background = fakeAccountBackground(signedInStatus());
    const model = modelOver(background);
    model.ask('sign-out');

    await model.choose(true);

    expect(background.sent).toContainEqual({
      type: 'sign-out',
      keepDrafts: true,
    });
  });

  it('offers to upload local drafts once signed in', async () => {
    const model = modelOver(
      fakeAccountBackground(signedInStatus({ localOnlyDrafts: 3 })),
    );

    await model.refresh();

    expect(model.uploadOffer.value).toBe(3);
  });

  it('withdraws the upload offer once the drafts are uploaded', async () => {
    const model = modelOver(
      fakeAccountBackground(signedInStatus({ localOnlyDrafts: 3 })),
    );
    await model.refresh();

    await model.uploadDrafts();

    expect(model.uploadOffer.value).toBe(0);
  });

  it('records the state a sync run answers with', async () => {
    const background = fakeAccountBackground(signedInStatus());
    const model = modelOver(background);
    await model.refresh();
    background.answer('sync-now', () => ({
      ...signedInStatus().sync,
      pendingCount: 4,
    }));

    await model.syncNow();

    expect(model.status.value?.sync.pendingCount).toBe(4);
  });

  it('keeps a sync that could not start as a sync problem', async () => {
    const background = fakeAccountBackground(signedInStatus());
    background.answer('sync-now', () => {
      throw new Error('Could not establish connection.');
    });
    const model = modelOver(background);

    await model.syncNow();

    expect([model.problem.value?.section, model.syncing.value]).toEqual([
      'sync',
      false,
    ]);
  });
});
