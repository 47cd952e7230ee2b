-- The organisation: its settings, teams, topics, people and the membership
-- rule that decides who may read anything at all.
--
-- Conventions for every migration of this project:
-- - every table has row level security; policies compare indexed columns
--   with `(select auth.uid())` so the call is made once per statement;
-- - grants are explicit: anon gets nothing, authenticated gets only the
--   commands a policy can allow;
-- - triggers hold the rules for people, that is for statements run as the
--   `authenticated` role. The project's own security definer functions, the
--   deployment's SQL (SQL editor, seed.sql) and the service role are trusted
--   code: they skip those checks but still get every derived value (hashes,
--   versions, the change sequence) from the same triggers.

-- Helpers that policies call live in `private`, which the API does not
-- expose.
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- Organisation settings ------------------------------------------------------

create table public.organisation_settings (
  id boolean primary key default true check (id),
  allowed_domains text[] not null default '{}',
  default_approvals integer not null default 1
    check (default_approvals between 0 and 10),
  -- An array of short guideline strings shown at the moment of publishing.
  checklist jsonb not null default '[]'
    check (jsonb_typeof(checklist) = 'array'),
  -- An array of {"title", "url"} objects shown next to the checklist.
  policy_links jsonb not null default '[]'
    check (jsonb_typeof(policy_links) = 'array'),
  -- Bumped whenever the checklist or the policy links change, so that a
  -- clip records which text its author acknowledged.
  checklist_version integer not null default 1,
  updated_at timestamptz not null default now()
);

comment on table public.organisation_settings is
  'One row: the allow-listed email domains, default approvals, publishing '
  'checklist and policy links of the organisation.';

insert into public.organisation_settings default values;

-- Teams and topics -------------------------------------------------------------

create table public.teams (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (char_length(name) between 1 and 100),
  -- Null on insert means "the organisation's default" (set by a trigger).
  approvals_required integer not null
    check (approvals_required between 0 and 10),
  created_at timestamptz not null default now()
);

create table public.topics (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (char_length(name) between 1 and 100),
  regulated boolean not null default false,
  created_at timestamptz not null default now()
);

-- Profiles ---------------------------------------------------------------------

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text not null default '',
  display_name text not null
    check (char_length(display_name) between 1 and 100),
  team_id uuid references public.teams (id) on delete set null,
  role text not null default 'member' check (role in ('member', 'admin')),
  status text not null default 'pending'
    check (status in ('active', 'pending')),
  -- Set when an admin activates an account the domain rule left pending.
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index profiles_team_id_idx on public.profiles (team_id);

create table public.topic_endorsers (
  topic_id uuid not null references public.topics (id) on delete cascade,
  profile_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (topic_id, profile_id)
);

create index topic_endorsers_profile_id_idx
  on public.topic_endorsers (profile_id);

create table public.follows (
  id uuid primary key default gen_random_uuid(),
  follower_id uuid not null default auth.uid()
    references public.profiles (id) on delete cascade,
  followed_profile_id uuid references public.profiles (id) on delete cascade,
  followed_topic_id uuid references public.topics (id) on delete cascade,
  created_at timestamptz not null default now(),
  check (num_nonnulls(followed_profile_id, followed_topic_id) = 1),
  check (followed_profile_id is distinct from follower_id),
  unique (follower_id, followed_profile_id),
  unique (follower_id, followed_topic_id)
);

create index follows_followed_profile_id_idx
  on public.follows (followed_profile_id);
create index follows_followed_topic_id_idx
  on public.follows (followed_topic_id);

-- Who is calling ---------------------------------------------------------------
-- Security definer: the policies of profiles (and of every other table) need
-- the caller's own profile, and reading profiles from inside a profiles
-- policy would recurse. Each returns facts about the caller only.

create function private.is_member() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.profiles
    where id = auth.uid() and status = 'active'
  )
$$;

create function private.is_admin() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.profiles
    where id = auth.uid() and status = 'active' and role = 'admin'
  )
$$;

create function private.my_team() returns uuid
language sql stable security definer set search_path = ''
as $$
  select team_id from public.profiles
  where id = auth.uid() and status = 'active'
$$;

-- The regulated topics whose in-review clips the caller reviews.
create function private.my_regulated_topics() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select e.topic_id
  from public.topic_endorsers e
  join public.topics t on t.id = e.topic_id
  join public.profiles p on p.id = e.profile_id
  where e.profile_id = auth.uid() and t.regulated and p.status = 'active'
$$;

revoke all on function private.is_member() from public;
revoke all on function private.is_admin() from public;
revoke all on function private.my_team() from public;
revoke all on function private.my_regulated_topics() from public;
grant execute on function private.is_member() to authenticated, service_role;
grant execute on function private.is_admin() to authenticated, service_role;
grant execute on function private.my_team() to authenticated, service_role;
grant execute on function private.my_regulated_topics()
  to authenticated, service_role;

-- The membership rule ----------------------------------------------------------

-- A confirmed address whose domain is exactly (ignoring case) one of the
-- allowed domains. Only what the auth server verified counts: never
-- metadata, which users edit themselves.
create function private.domain_allowed(
  email text,
  confirmed_at timestamptz
) returns boolean
language sql stable set search_path = ''
as $$
  select confirmed_at is not null
    and coalesce(email, '') ~ '^[^@[:space:]]+@[^@[:space:]]+$'
    and exists (
      select 1
      from public.organisation_settings s, unnest(s.allowed_domains) d
      where lower(d) = lower(split_part(email, '@', 2))
    )
$$;

create function private.membership_status(
  email text,
  confirmed_at timestamptz,
  approved_at timestamptz
) returns text
language sql stable set search_path = ''
as $$
  select case
    when private.domain_allowed(email, confirmed_at) then 'active'
    when approved_at is not null then 'active'
    else 'pending'
  end
$$;

revoke all on function private.domain_allowed(text, timestamptz) from public;
revoke all on function
  private.membership_status(text, timestamptz, timestamptz) from public;

-- Security definer: runs as the auth server's role, which may not write
-- public.profiles.
create function private.create_profile() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, email, display_name, status)
  values (
    new.id,
    coalesce(new.email, ''),
    left(coalesce(
      nullif(btrim(new.raw_user_meta_data ->> 'display_name'), ''),
      nullif(btrim(new.raw_user_meta_data ->> 'full_name'), ''),
      nullif(split_part(coalesce(new.email, ''), '@', 1), ''),
      'New member'
    ), 100),
    private.membership_status(new.email, new.email_confirmed_at, null)
  );
  return new;
end;
$$;

-- Security definer for the same reason; an email change or confirmation
-- re-applies the rule, keeping an admin's approval.
create function private.refresh_profile_email() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.profiles p
  set email = coalesce(new.email, ''),
      status = private.membership_status(
        new.email, new.email_confirmed_at, p.approved_at)
  where p.id = new.id;
  return new;
end;
$$;

revoke all on function private.create_profile() from public;
revoke all on function private.refresh_profile_email() from public;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.create_profile();

create trigger on_auth_user_email_changed
  after update of email, email_confirmed_at on auth.users
  for each row execute function private.refresh_profile_email();

-- Security definer: re-reads every account's verified email in auth.users
-- when an admin changes the allowed domains.
create function private.refresh_memberships() returns void
language sql security definer set search_path = ''
as $$
  update public.profiles p
  set status = private.membership_status(
    u.email, u.email_confirmed_at, p.approved_at)
  from auth.users u
  where u.id = p.id
    and p.status is distinct from private.membership_status(
      u.email, u.email_confirmed_at, p.approved_at)
$$;

revoke all on function private.refresh_memberships() from public;
-- Called by the trigger that runs when an admin edits the allowed domains.
grant execute on function private.refresh_memberships()
  to authenticated, service_role;
