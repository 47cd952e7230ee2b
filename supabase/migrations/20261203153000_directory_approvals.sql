-- workspace_directory's `me` gains `team_approvals_required`: how many
-- approvals a clip of the caller's team needs before it is published (the
-- team's number, the organisation default without a team), so the publish
-- dialogue says whether a clip goes to review before the author sends it.
-- The rest is 20261203151100_directory_and_guide.sql's definition.

create or replace function public.workspace_directory() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  me jsonb;
begin
  -- A pending account reads neither teams nor settings; it is told one
  -- approval, the column default, and cannot publish anyway.
  select jsonb_build_object('id', p.id, 'display_name', p.display_name,
      'email', p.email, 'team_id', p.team_id, 'team_name', t.name,
      'team_approvals_required',
        coalesce(t.approvals_required, s.default_approvals, 1),
      'role', p.role, 'status', p.status)
  into me
  from public.profiles p
  left join public.teams t on t.id = p.team_id
  left join public.organisation_settings s on true
  where p.id = auth.uid();
  if me is null then
    raise exception 'sign in to read the workspace' using errcode = '42501';
  end if;

  return jsonb_build_object(
    'me', me,
    'topics', (select coalesce(jsonb_agg(jsonb_build_object(
        'id', t.id, 'name', t.name, 'regulated', t.regulated,
        'i_endorse', exists (select 1 from public.topic_endorsers e
          where e.topic_id = t.id and e.profile_id = auth.uid()))
      order by t.name), '[]')
      from public.topics t),
    'follows', jsonb_build_object(
      'people', (select coalesce(jsonb_agg(f.followed_profile_id
          order by f.created_at), '[]')
        from public.follows f
        where f.follower_id = auth.uid() and f.followed_profile_id is not null),
      'topics', (select coalesce(jsonb_agg(f.followed_topic_id
          order by f.created_at), '[]')
        from public.follows f
        where f.follower_id = auth.uid() and f.followed_topic_id is not null)),
    'guide', private.publishing_guide());
end;
$$;

revoke all on function public.workspace_directory() from public, anon;
grant execute on function public.workspace_directory()
  to authenticated, service_role;
