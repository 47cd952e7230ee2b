import type { IncomingMessage } from 'node:http';
import { parseJsonBody, readBody, type Reply } from '../http.ts';
import { getUser, signUp, updateUser } from './account-routes.ts';
import { resendCode, sendOtp, verify } from './code-routes.ts';
import type { AuthContext, Body, Handler } from './context.ts';
import { authError, validationFailed } from './errors.ts';
import { logout, token } from './session-routes.ts';

export type { AuthContext } from './context.ts';

const routes: Record<string, Handler> = {
  'POST /signup': signUp,
  'POST /token': token,
  'GET /user': getUser,
  'PUT /user': updateUser,
  'POST /logout': logout,
  'POST /otp': sendOtp,
  'POST /verify': verify,
  'POST /resend': resendCode,
  'GET /health': async () => ({ status: 200, body: { name: 'GoTrue' } }),
  'GET /settings': async (auth) => ({
    status: 200,
    body: {
      external: { email: true },
      disable_signup: false,
      mailer_autoconfirm: !auth.settings.enableConfirmations,
    },
  }),
};

/** Serves one /auth/v1 request; `path` is what follows /auth/v1. */
export async function handleAuth(
  auth: AuthContext,
  request: IncomingMessage,
  path: string,
  url: URL,
): Promise<Reply> {
  const handler = routes[`${request.method} ${path}`];
  if (!handler) throw authError(404, 'not_found', `No route ${path}`);

  const body = parseJsonBody(await readBody(request), () =>
    validationFailed('Could not parse request body as JSON'),
  );
  return handler(auth, request, (body ?? {}) as Body, url);
}
