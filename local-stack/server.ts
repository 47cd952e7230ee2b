import { createServer, type IncomingMessage, type Server } from 'node:http';
import { handleAuth, type AuthContext } from './auth/routes.ts';
import { HttpError, sendReply, type Reply } from './http.ts';
import { handleRest, type RestContext } from './rest/routes.ts';

/** Everything the HTTP layer serves with. */
export interface ServerContext {
  auth: AuthContext;
  rest: RestContext;
  /** The anon and service_role keys; the `apikey` header must be one. */
  apiKeys: string[];
}

/**
 * The Supabase HTTP API subset: /auth/v1 and /rest/v1 behind the same
 * API-key check and CORS answers as Supabase's gateway.
 */
export function createStackServer(context: ServerContext): Server {
  return createServer((request, response) => {
    serve(context, request)
      .catch(errorReply)
      .then((reply) => sendReply(request, response, reply));
  });
}

async function serve(
  context: ServerContext,
  request: IncomingMessage,
): Promise<Reply> {
  if (request.method === 'OPTIONS') return { status: 200 };
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  requireApiKey(context, request, url);

  const [, service, path] =
    /^\/(auth|rest)\/v1(\/.*)?$/.exec(url.pathname) ?? [];
  if (service === 'auth') {
    return handleAuth(context.auth, request, path ?? '/', url);
  }
  if (service === 'rest') {
    return handleRest(context.rest, request, path ?? '/', url);
  }
  throw new HttpError(404, { message: 'no Route matched with those values' });
}

function requireApiKey(
  context: ServerContext,
  request: IncomingMessage,
  url: URL,
): void {
  const key = request.headers.apikey ?? url.searchParams.get('apikey');
  if (!key) {
    throw new HttpError(401, { message: 'No API key found in request' });
  }
  if (!context.apiKeys.includes(String(key))) {
    throw new HttpError(401, { message: 'Invalid API key' });
  }
}

function errorReply(error: unknown): Reply {
  if (error instanceof HttpError) {
    return { status: error.status, body: error.body, headers: error.headers };
  }
  console.error('[peerclip] local stack request failed', error);
  return { status: 500, body: { message: (error as Error).message } };
}
