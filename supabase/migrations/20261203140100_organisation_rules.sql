-- Who may read and change the organisation: members read, admins change.
-- People update their own display name; the first admin is named once by
-- `select public.make_first_admin('someone@example.com')`.

-- Invariants -------------------------------------------------------------------

create function private.prepare_settings() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.allowed_domains := array(
    select distinct lower(btrim(d))
    from unnest(new.allowed_domains) d
    where btrim(d) <> ''
  );
  if new.checklist is distinct from old.checklist
    or new.policy_links is distinct from old.policy_links then
    new.checklist_version := old.checklist_version + 1;
  else
    new.checklist_version := old.checklist_version;
  end if;
  new.updated_at := now();
  return new;
end;
$$;

create trigger prepare_settings
  before update on public.organisation_settings
  for each row execute function private.prepare_settings();

create function private.apply_allowed_domains() returns trigger
language plpgsql set search_path = ''
as $$
begin
  perform private.refresh_memberships();
  return null;
end;
$$;

create trigger apply_allowed_domains
  after update of allowed_domains on public.organisation_settings
  for each row execute function private.apply_allowed_domains();

create function private.prepare_team() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.approvals_required is null then
    select s.default_approvals into new.approvals_required
    from public.organisation_settings s;
  end if;
  return new;
end;
$$;

create trigger prepare_team
  before insert on public.teams
  for each row execute function private.prepare_team();

-- People change their name; only admins change roles, teams and status.
-- An admin's decision on status is remembered as approved_at, which the
-- membership rule keeps when the email changes later.
create function private.guard_profile() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user <> 'authenticated' then
    new.updated_at := now();
    return new;
  end if;

  if not private.is_admin() and (
    new.role is distinct from old.role
    or new.team_id is distinct from old.team_id
    or new.status is distinct from old.status
  ) then
    raise exception 'only an admin changes roles, teams and status'
      using errcode = '42501';
  end if;

  if new.status is distinct from old.status then
    new.approved_at := case new.status when 'active' then now() end;
  end if;
  new.updated_at := now();
  return new;
end;
$$;

create trigger guard_profile
  before update on public.profiles
  for each row execute function private.guard_profile();

-- Row level security -----------------------------------------------------------

alter table public.organisation_settings enable row level security;
alter table public.teams enable row level security;
alter table public.topics enable row level security;
alter table public.profiles enable row level security;
alter table public.topic_endorsers enable row level security;
alter table public.follows enable row level security;

create policy "members read the settings" on public.organisation_settings
  for select to authenticated using ((select private.is_member()));
create policy "admins change the settings" on public.organisation_settings
  for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));

create policy "members read teams" on public.teams
  for select to authenticated using ((select private.is_member()));
create policy "admins add teams" on public.teams
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins change teams" on public.teams
  for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins remove teams" on public.teams
  for delete to authenticated using ((select private.is_admin()));

create policy "members read topics" on public.topics
  for select to authenticated using ((select private.is_member()));
create policy "admins add topics" on public.topics
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins change topics" on public.topics
  for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins remove topics" on public.topics
  for delete to authenticated using ((select private.is_admin()));

-- A pending account sees its own profile and nothing else.
create policy "people read their own profile, members all" on public.profiles
  for select to authenticated
  using (id = (select auth.uid()) or (select private.is_member()));
create policy "people change their own profile, admins any" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()))
  with check (id = (select auth.uid()) or (select private.is_admin()));

create policy "members read topic endorsers" on public.topic_endorsers
  for select to authenticated using ((select private.is_member()));
create policy "admins name topic endorsers" on public.topic_endorsers
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins remove topic endorsers" on public.topic_endorsers
  for delete to authenticated using ((select private.is_admin()));

create policy "people read their own follows" on public.follows
  for select to authenticated
  using (follower_id = (select auth.uid()) and (select private.is_member()));
create policy "members follow people and topics" on public.follows
  for insert to authenticated
  with check (
    follower_id = (select auth.uid()) and (select private.is_member())
  );
create policy "people unfollow" on public.follows
  for delete to authenticated
  using (follower_id = (select auth.uid()) and (select private.is_member()));

-- Grants -------------------------------------------------------------------------

revoke all on public.organisation_settings, public.teams, public.topics,
  public.profiles, public.topic_endorsers, public.follows from anon, public;
revoke all on public.organisation_settings, public.teams, public.topics,
  public.profiles, public.topic_endorsers, public.follows from authenticated;

grant select on public.organisation_settings to authenticated;
grant update (allowed_domains, default_approvals, checklist, policy_links)
  on public.organisation_settings to authenticated;
grant select, insert, update, delete on public.teams, public.topics
  to authenticated;
grant select on public.profiles to authenticated;
grant update (display_name, team_id, role, status) on public.profiles
  to authenticated;
grant select, insert, delete on public.topic_endorsers to authenticated;
grant select, insert, delete on public.follows to authenticated;

-- The first admin ----------------------------------------------------------------

-- Security definer so that it works from the SQL editor of a new project;
-- it refuses once any admin exists, and only the deployment may call it.
create function public.make_first_admin(email text) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  admin_id uuid;
begin
  if exists (select 1 from public.profiles where role = 'admin') then
    raise exception 'an admin already exists; admins name further admins'
      using errcode = '42501';
  end if;

  update public.profiles p
  set role = 'admin', status = 'active', approved_at = now()
  where lower(p.email) = lower(make_first_admin.email)
  returning p.id into admin_id;

  if admin_id is null then
    raise exception 'no account with the email %; sign up first', email
      using errcode = 'P0002';
  end if;
  return admin_id;
end;
$$;

revoke all on function public.make_first_admin(text)
  from public, anon, authenticated;
grant execute on function public.make_first_admin(text) to service_role;
