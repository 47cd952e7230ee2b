import { createHash, randomInt } from 'node:crypto';
import type pg from 'pg';

/** Makes a numeric code for the account and keeps only its hash. */
export async function issueCode(
  db: pg.Pool,
  account: { id: string; email: string },
  kind: string,
  length: number,
): Promise<string> {
  const code = String(randomInt(0, 10 ** length)).padStart(length, '0');
  await db.query(
    `insert into auth.one_time_tokens
       (user_id, token_type, token_hash, relates_to)
     values ($1, $2, $3, $4)`,
    [account.id, kind, hashCode(account.email, code), account.email],
  );
  return code;
}

/**
 * Consumes a code sent to the address within its lifetime; returns the
 * account id, or undefined when the code is wrong, used or expired. All
 * codes of the account go with it, so none can be replayed.
 */
export async function consumeCode(
  db: pg.Pool,
  email: string,
  code: string,
  lifetimeSeconds: number,
): Promise<string | undefined> {
  const { rows } = await db.query<{ user_id: string }>(
    `delete from auth.one_time_tokens
      where user_id = (select user_id from auth.one_time_tokens
                        where token_hash = $1
                          and created_at > now() - make_interval(secs => $2)
                        limit 1)
     returning user_id`,
    [hashCode(email, code), lifetimeSeconds],
  );
  return rows[0]?.user_id;
}

function hashCode(email: string, code: string): string {
  return createHash('sha256')
    .update(`${email.toLowerCase()}:${code}`)
    .digest('hex');
}
