import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import type { Reply } from '../http.ts';
import type { StackSettings } from '../settings.ts';
import type { Mailbox } from './mailbox.ts';
import type { TokenSettings } from './sessions.ts';

/** What the auth API needs: the auth admin's connections and settings. */
export interface AuthContext {
  pool: pg.Pool;
  settings: StackSettings;
  tokens: TokenSettings;
  mailbox: Mailbox;
}

/** A parsed JSON request body. */
export type Body = Record<string, unknown>;

/** One auth API endpoint. */
export type Handler = (
  auth: AuthContext,
  request: IncomingMessage,
  body: Body,
  url: URL,
) => Promise<Reply>;
