import type { IncomingMessage } from 'node:http';
import type { Reply } from '../http.ts';
import {
  confirmEmail,
  createAccount,
  findByEmail,
  recordSignIn,
} from './accounts.ts';
import type { AuthContext, Body } from './context.ts';
import { authError, validationFailed } from './errors.ts';
import { metadataOf, requireEmail } from './input.ts';
import { consumeCode, issueCode } from './one-time-codes.ts';
import { openSession } from './sessions.ts';

/** POST /otp: emails (prints) a one-time code, creating the account. */
export async function sendOtp(
  auth: AuthContext,
  _request: IncomingMessage,
  body: Body,
): Promise<Reply> {
  const email = requireEmail(body.email);
  let account = await findByEmail(auth.pool, email);
  if (!account && body.create_user === false) {
    throw authError(422, 'otp_disabled', 'Signups not allowed for otp');
  }

  account ??= await createAccount(auth.pool, {
    email,
    metadata: metadataOf(body.data),
    confirmed: false,
  });
  await mailCode(
    auth,
    account,
    account.email_confirmed_at ? 'magiclink' : 'signup',
  );
  return { status: 200, body: {} };
}

/**
 * POST /resend: a new sign-up code for an unconfirmed account. Unknown and
 * confirmed addresses get the same empty answer, revealing nothing.
 */
export async function resendCode(
  auth: AuthContext,
  _request: IncomingMessage,
  body: Body,
): Promise<Reply> {
  if (body.type !== 'signup') {
    throw validationFailed(`Resend type '${body.type}' is not supported here`);
  }
  const account = await findByEmail(auth.pool, requireEmail(body.email));

  if (account && !account.email_confirmed_at) {
    await mailCode(auth, account, 'signup');
  }
  return { status: 200, body: {} };
}

/** POST /verify: trades an emailed code for a session. */
export async function verify(
  auth: AuthContext,
  _request: IncomingMessage,
  body: Body,
): Promise<Reply> {
  const email = requireEmail(body.email);
  const type = String(body.type ?? '');
  if (!['email', 'signup', 'magiclink'].includes(type)) {
    throw validationFailed(`Verify type '${type}' is not supported here`);
  }

  const userId = await consumeCode(
    auth.pool,
    email,
    String(body.token ?? ''),
    auth.settings.otpExpirySeconds,
  );
  if (!userId) {
    throw authError(403, 'otp_expired', 'Token has expired or is invalid');
  }
  const client = await auth.pool.connect();
  await confirmEmail(client, userId).finally(() => client.release());
  const account = await recordSignIn(auth.pool, userId);
  const session = await openSession(auth.pool, auth.tokens, account, 'otp');
  return { status: 200, body: session };
}

/** Issues a one-time code and sends it through the mailbox. */
export async function mailCode(
  auth: AuthContext,
  account: { id: string; email: string },
  kind: 'signup' | 'magiclink',
): Promise<void> {
  const code = await issueCode(
    auth.pool,
    account,
    kind,
    auth.settings.otpLength,
  );
  auth.mailbox.send(account.email.toLowerCase(), kind, code);
}
