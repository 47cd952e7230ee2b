import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer ready to send: status, JSON-able body (or none), headers. */
export interface Reply {
  status: number;
  body?: unknown;
  /** Sent as is instead of JSON.stringify(body), e.g. JSON built by SQL. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A request that cannot be served; `body` is the error's wire shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message ?? body.msg ?? `HTTP ${status}`));
    this.name = 'HttpError';
  }
}

const maxBodyBytes = 5 * 1024 * 1024;

/** Reads the request body as text, refusing bodies over 5 MB. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) {
      throw new HttpError(413, { message: 'Request body too large' });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Permissive CORS, as Supabase answers: the extension's pages call the API
 * from their own origin, and supabase-js reads Content-Range.
 */
export function corsHeaders(request: IncomingMessage): Record<string, string> {
  const asked = request.headers['access-control-request-headers'];
  return {
    'Access-Control-Allow-Origin': request.headers.origin ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Methods':
      'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers':
      asked ??
      'authorization, apikey, content-type, prefer, accept, range, ' +
        'x-client-info, x-supabase-api-version, accept-profile, ' +
        'content-profile',
    'Access-Control-Expose-Headers':
      'Content-Range, Content-Location, Location, X-Supabase-Api-Version',
    'Access-Control-Max-Age': '86400',
    Vary: 'Origin',
  };
}

/** Writes a reply; HEAD requests get the headers only. */
export function sendReply(
  request: IncomingMessage,
  response: ServerResponse,
  reply: Reply,
): void {
  const text =
    reply.rawBody ??
    (reply.body === undefined ? undefined : JSON.stringify(reply.body));
  const headers: Record<string, string> = {
    ...corsHeaders(request),
    ...reply.headers,
  };
  if (text !== undefined && !headers['Content-Type']) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  response.writeHead(reply.status, headers);
  response.end(request.method === 'HEAD' ? undefined : text);
}

/** The bearer token of the Authorization header, if any. */
export function bearerToken(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim();
}

/** Parses a JSON body; `undefined` for an empty one. */
export function parseJsonBody(
  text: string,
  invalid: (message: string) => HttpError,
): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalid((error as Error).message);
  }
}
