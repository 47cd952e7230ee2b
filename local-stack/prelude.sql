-- What a Supabase project provides before its first migration.
--
-- Runs once, as the cluster's superuser `supabase_admin` (the name Supabase
-- gives its own superuser), on a fresh database. `postgres` is then what it
-- is on Supabase: a LOGIN role with CREATEROLE and BYPASSRLS but NOT a
-- superuser, owning the public schema. Migrations and seed.sql run as
-- `postgres`, so a privilege that a real project would refuse fails here too.
--
-- Local passwords are all `postgres`: this database only listens on
-- 127.0.0.1 and exists for development and tests.

-- Roles ----------------------------------------------------------------------

create role postgres login createrole createdb bypassrls
  password 'postgres';
create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
-- The HTTP layer logs in as authenticator and switches role per request;
-- NOINHERIT so that it holds no privilege of its own before switching.
create role authenticator login noinherit password 'postgres';
-- The auth server's role: owns schema auth and writes auth.users.
create role supabase_auth_admin login noinherit createrole
  password 'postgres';

grant anon, authenticated, service_role to authenticator;
-- postgres can impersonate the API roles (as the SQL editor does) and hand
-- them out in migrations.
grant anon, authenticated, service_role to postgres with admin option;

-- PostgREST applies these per request when it switches role.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

alter role postgres set search_path = "$user", public, extensions;
alter role supabase_auth_admin set search_path = auth;

-- Database and public schema --------------------------------------------------

grant all on database postgres to postgres;
grant connect on database postgres
  to authenticator, supabase_auth_admin, anon, authenticated, service_role;

alter schema public owner to postgres;
grant usage on schema public to anon, authenticated, service_role;

-- Every table, function and sequence that postgres creates in public is
-- usable by the API roles: row level security and explicit revokes are what
-- keep data private, exactly as on Supabase.
alter default privileges for role postgres in schema public
  grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on sequences to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
  grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
  grant all on sequences to postgres, anon, authenticated, service_role;

-- Extensions -----------------------------------------------------------------

create schema extensions;
grant usage on schema extensions
  to postgres, anon, authenticated, service_role;
grant usage on schema extensions to supabase_auth_admin;
grant create on schema extensions to postgres;
create extension pgcrypto with schema extensions;
create extension "uuid-ossp" with schema extensions;

-- Migration history, in the Supabase CLI's own layout, so that
-- `supabase db push` and the local stack agree on what was applied.
create schema supabase_migrations authorization postgres;

-- Realtime's publication exists on every project (empty until tables join).
create publication supabase_realtime;
alter publication supabase_realtime owner to postgres;

-- Schema auth ----------------------------------------------------------------

create schema auth authorization supabase_auth_admin;
grant usage on schema auth
  to postgres, anon, authenticated, service_role;

set role supabase_auth_admin;

create table auth.users (
  instance_id uuid,
  id uuid primary key default gen_random_uuid(),
  aud varchar(255) default 'authenticated',
  role varchar(255) default 'authenticated',
  email varchar(255),
  encrypted_password varchar(255) default '',
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255) default '',
  confirmation_sent_at timestamptz,
  recovery_token varchar(255) default '',
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255) default '',
  email_change varchar(255) default '',
  email_change_sent_at timestamptz,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb default '{}'::jsonb,
  raw_user_meta_data jsonb default '{}'::jsonb,
  is_super_admin boolean,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz
    generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  banned_until timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index users_email_partial_key on auth.users (email)
  where is_sso_user = false;
create index users_instance_id_email_idx
  on auth.users (instance_id, lower(email));

create table auth.identities (
  id uuid primary key default gen_random_uuid(),
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  email text generated always as (lower(identity_data ->> 'email')) stored,
  unique (provider_id, provider)
);
create index identities_user_id_idx on auth.identities (user_id);

create table auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sessions_user_id_idx on auth.sessions (user_id);

-- Each refresh token works once: using it revokes it and issues its child.
create table auth.refresh_tokens (
  id bigserial primary key,
  token varchar(255) not null unique,
  user_id uuid not null references auth.users (id) on delete cascade,
  session_id uuid not null references auth.sessions (id) on delete cascade,
  parent varchar(255),
  revoked boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index refresh_tokens_session_id_idx on auth.refresh_tokens (session_id);

-- Email one-time codes (sign-in and sign-up confirmation); only a hash is
-- kept, as the code itself is a password.
create table auth.one_time_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  token_type text not null,
  token_hash text not null,
  relates_to text not null,
  created_at timestamptz not null default now()
);
create index one_time_tokens_user_id_idx on auth.one_time_tokens (user_id);

-- Migrations add triggers on auth.users (profiles on sign-up) and foreign
-- keys to it; seed.sql inserts demo accounts.
grant all on all tables in schema auth to postgres;
grant all on all sequences in schema auth to postgres;
grant select on auth.users to service_role;

-- Who is calling: PostgREST puts the verified JWT claims in the transaction
-- setting request.jwt.claims. After commit a setting reads as '' rather than
-- NULL, hence nullif. The older per-claim settings are still honoured.
create function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

create function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
  )::uuid
$$;

create function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'
  )::text
$$;

create function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email'
  )::text
$$;

reset role;

grant execute on all functions in schema auth
  to postgres, anon, authenticated, service_role;
