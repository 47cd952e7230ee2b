import { RemoteError, type RemoteErrorCode } from './remote-error';

/** What postgrest-js reports when a call fails. */
interface RestFailure {
  code?: string;
  message: string;
}

/** What a postgrest-js request resolves to. */
type RestAnswer = PromiseLike<{
  data: unknown;
  error: RestFailure | null;
  status: number;
}>;

/** Codes by which PostgREST says "sign in first". */
const UNAUTHORIZED_CODES = new Set(['PGRST301', 'PGRST303']);

/** SQLSTATEs the functions raise, and what each means to the extension. */
const FAILURE_KINDS: Partial<Record<string, RemoteErrorCode>> = {
  '22023': 'bad-request',
  P0002: 'not-found',
  // A 42501 for a signed-in person (a 403; anon gets a 401) means "not
  // yours to do", such as an admin's task.
  '42501': 'forbidden',
};

/**
 * Awaits one REST request and answers its data, or throws a RemoteError
 * that keeps the server's sentence.
 */
export async function call(request: RestAnswer): Promise<unknown> {
  const { data, error, status } = await request;
  if (!error) return data;
  throw restFailure(error, status);
}

function restFailure(error: RestFailure, status: number): RemoteError {
  const code = error.code ?? '';
  if (status === 0) {
    return new RemoteError('offline', 'The workspace cannot be reached.', {
      cause: error,
    });
  }
  if (status === 401 || UNAUTHORIZED_CODES.has(code)) {
    return new RemoteError('unauthorized', 'Sign in again to sync.', {
      cause: error,
    });
  }
  const kind = FAILURE_KINDS[code] ?? 'server';
  return new RemoteError(kind, error.message, { cause: error });
}
