import type pg from 'pg';

/** A row of auth.users as the auth API reads it. */
export interface Account {
  id: string;
  aud: string;
  role: string;
  email: string;
  email_confirmed_at: Date | null;
  confirmation_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown>;
  raw_user_meta_data: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  is_anonymous: boolean;
}

const columns = `id, aud, role, email, email_confirmed_at,
  confirmation_sent_at, last_sign_in_at, raw_app_meta_data,
  raw_user_meta_data, created_at, updated_at, is_anonymous`;

/** The user object of the auth API, as supabase-js expects it. */
export function userJson(account: Account) {
  return {
    id: account.id,
    aud: account.aud,
    role: account.role,
    email: account.email,
    email_confirmed_at: account.email_confirmed_at,
    phone: '',
    confirmation_sent_at: account.confirmation_sent_at ?? undefined,
    confirmed_at: account.email_confirmed_at,
    last_sign_in_at: account.last_sign_in_at,
    app_metadata: account.raw_app_meta_data ?? {},
    user_metadata: account.raw_user_meta_data ?? {},
    identities: [],
    created_at: account.created_at,
    updated_at: account.updated_at,
    is_anonymous: account.is_anonymous,
  };
}

/** Finds an account by email, whatever the letter case. */
export async function findByEmail(
  db: pg.ClientBase | pg.Pool,
  email: string,
): Promise<Account | undefined> {
  const { rows } = await db.query<Account>(
    `select ${columns} from auth.users
      where lower(email) = lower($1) and deleted_at is null`,
    [email],
  );
  return rows[0];
}

/** Finds an account by id. */
export async function findById(
  db: pg.ClientBase | pg.Pool,
  id: string,
): Promise<Account | undefined> {
  const { rows } = await db.query<Account>(
    `select ${columns} from auth.users where id = $1 and deleted_at is null`,
    [id],
  );
  return rows[0];
}

/** The account when the password matches its bcrypt hash. */
export async function checkPassword(
  db: pg.Pool,
  email: string,
  password: string,
): Promise<Account | undefined> {
  const { rows } = await db.query<Account>(
    `select ${columns} from auth.users
      where lower(email) = lower($1) and deleted_at is null
        and encrypted_password like '$2%'
        and encrypted_password = extensions.crypt($2, encrypted_password)`,
    [email, password],
  );
  return rows[0];
}

/** What a new account starts with. */
export interface NewAccount {
  email: string;
  password?: string;
  metadata: Record<string, unknown>;
  confirmed: boolean;
}

/** Inserts into auth.users (firing the project's triggers). */
export async function createAccount(
  db: pg.ClientBase | pg.Pool,
  account: NewAccount,
): Promise<Account> {
  const { rows } = await db.query<Account>(
    `insert into auth.users (email, encrypted_password, email_confirmed_at,
        raw_app_meta_data, raw_user_meta_data, aud, role)
     values ($1, case when $2::text is null then ''
                 else extensions.crypt($2, extensions.gen_salt('bf', 10)) end,
       case when $3 then now() end,
       '{"provider": "email", "providers": ["email"]}', $4,
       'authenticated', 'authenticated')
     returning ${columns}`,
    [
      account.email,
      account.password ?? null,
      account.confirmed,
      account.metadata,
    ],
  );
  return rows[0]!;
}

/** Marks the email confirmed (a code from it came back). */
export async function confirmEmail(
  db: pg.ClientBase,
  id: string,
): Promise<void> {
  await db.query(
    `update auth.users
        set email_confirmed_at = coalesce(email_confirmed_at, now()),
            updated_at = now()
      where id = $1`,
    [id],
  );
}

/** Records a sign-in; returns the refreshed account. */
export async function recordSignIn(
  db: pg.ClientBase | pg.Pool,
  id: string,
): Promise<Account> {
  const { rows } = await db.query<Account>(
    `update auth.users set last_sign_in_at = now() where id = $1
     returning ${columns}`,
    [id],
  );
  return rows[0]!;
}

/**
 * Merges user metadata (a null value removes its key) and sets a new
 * password when given.
 */
export async function updateAccount(
  db: pg.Pool,
  id: string,
  change: { data?: Record<string, unknown>; password?: string },
): Promise<Account> {
  const { rows } = await db.query<Account>(
    `update auth.users
        set raw_user_meta_data = jsonb_strip_nulls(
              coalesce(raw_user_meta_data, '{}') || coalesce($2::jsonb, '{}')),
            encrypted_password = case when $3::text is null
              then encrypted_password
              else extensions.crypt($3, extensions.gen_salt('bf', 10)) end,
            updated_at = now()
      where id = $1
     returning ${columns}`,
    [id, change.data ?? null, change.password ?? null],
  );
  return rows[0]!;
}
