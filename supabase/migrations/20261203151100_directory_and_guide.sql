-- The workspace directory (who the caller is, the topics, their follows and
-- the publishing guide), following people and topics, and the admins'
-- editing of the publishing guide. Each runs as the caller, under row level
-- security, and answers JSON shaped as utils/remote/peer-wire.ts.

-- The default guide -----------------------------------------------------------

-- PRODUCT.md's publishing guidelines, for an organisation whose admins have
-- not written their own yet. Policy links stay empty: only the organisation
-- knows where its email, wiki and presentation policies live.
update public.organisation_settings set checklist = '[
  "The quote is exact and comes from the page linked",
  "The note says why it matters to peers",
  "Nothing confidential beyond its audience",
  "Respects the organisation''s email, wiki and presentation policies",
  "Tagged with the right topic, so the right reviewers see it"
]'
where checklist = '[]';

-- The publishing guide as the caller sees it. A pending account reads no
-- settings and gets an empty guide at version 0, which no publish accepts.
create function private.publishing_guide() returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'checklist', coalesce(s.checklist, '[]'),
    'policy_links', coalesce(s.policy_links, '[]'),
    'version', coalesce(s.checklist_version, 0),
    'can_edit', private.is_admin())
  from (select 1) one
  left join public.organisation_settings s on true
$$;

revoke all on function private.publishing_guide() from public;
grant execute on function private.publishing_guide()
  to authenticated, service_role;

-- workspace_directory() -------------------------------------------------------

create function public.workspace_directory() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  me jsonb;
begin
  select jsonb_build_object('id', p.id, 'display_name', p.display_name,
      'email', p.email, 'team_id', p.team_id, 'team_name', t.name,
      'role', p.role, 'status', p.status)
  into me
  from public.profiles p
  left join public.teams t on t.id = p.team_id
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

-- set_follow(kind, target_id, follow) -----------------------------------------

-- Idempotent both ways: following again or unfollowing what one does not
-- follow changes nothing and is no error, so a retried request is safe.
create function public.set_follow(
  kind text,
  target_id uuid,
  follow boolean
) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  me uuid := auth.uid();
begin
  if kind is null or kind not in ('person', 'topic') then
    raise exception 'kind must be person or topic' using errcode = '22023';
  end if;
  if target_id is null or follow is null then
    raise exception 'say whom to follow, and whether to follow or unfollow'
      using errcode = '22023';
  end if;
  if not private.is_member() then
    raise exception 'only active members follow people and topics'
      using errcode = '42501';
  end if;
  if kind = 'person' and target_id = me then
    raise exception 'you cannot follow yourself' using errcode = '22023';
  end if;

  if not follow then
    delete from public.follows f
    where f.follower_id = me and (case kind
      when 'person' then f.followed_profile_id
      else f.followed_topic_id end) = target_id;
    return;
  end if;

  if kind = 'person' and not exists (
    select 1 from public.profiles p
    where p.id = target_id and p.status = 'active'
  ) or kind = 'topic' and not exists (
    select 1 from public.topics t where t.id = target_id
  ) then
    raise exception 'there is no % with this id to follow', kind
      using errcode = 'P0002';
  end if;
  insert into public.follows (follower_id, followed_profile_id,
    followed_topic_id)
  values (me, case when kind = 'person' then target_id end,
    case when kind = 'topic' then target_id end)
  on conflict do nothing;
end;
$$;

revoke all on function public.set_follow(text, uuid, boolean)
  from public, anon;
grant execute on function public.set_follow(text, uuid, boolean)
  to authenticated, service_role;

-- save_publishing_guide(checklist, policy_links) ------------------------------

-- Text without the spaces, tabs and line breaks around it.
create function private.trimmed(value text) returns text
language plpgsql immutable set search_path = ''
as $$
begin
  return btrim(value, E' \t\r\n');
end;
$$;

revoke all on function private.trimmed(text) from public;
grant execute on function private.trimmed(text)
  to authenticated, service_role;

-- Every problem of a proposed guide, so the editor shows them all at once.
create function private.guide_problems(
  checklist jsonb,
  policy_links jsonb
) returns text[]
language plpgsql immutable set search_path = ''
as $$
declare
  problems text[] := '{}';
  entry jsonb;
  n integer := 0;
begin
  -- Nested tests: the length of a JSON value that is not an array fails.
  if jsonb_typeof(checklist) is distinct from 'array' then
    problems := array_append(problems,
      'the checklist must be a list of 1 to 20 items');
  elsif jsonb_array_length(checklist) not between 1 and 20 then
    problems := array_append(problems,
      'the checklist must be a list of 1 to 20 items');
  else
    for entry in select jsonb_array_elements(checklist) loop
      n := n + 1;
      if jsonb_typeof(entry) is distinct from 'string'
        or char_length(private.trimmed(entry #>> '{}'))
          not between 1 and 500 then
        problems := array_append(problems, format(
          'checklist item %s must be text of 1 to 500 characters', n));
      end if;
    end loop;
  end if;

  if jsonb_typeof(policy_links) is distinct from 'array' then
    return array_append(problems,
      'the policy links must be a list of at most 20 links');
  elsif jsonb_array_length(policy_links) > 20 then
    return array_append(problems,
      'the policy links must be a list of at most 20 links');
  end if;
  n := 0;
  for entry in select jsonb_array_elements(policy_links) loop
    n := n + 1;
    if not private.policy_link_valid(entry) then
      problems := array_append(problems, format('policy link %s needs a '
        'title of 1 to 200 characters and an http or https url', n));
    end if;
  end loop;
  return problems;
end;
$$;

-- A {"title", "url"} object and nothing else.
create function private.policy_link_valid(link jsonb) returns boolean
language plpgsql immutable set search_path = ''
as $$
begin
  if jsonb_typeof(link) is distinct from 'object' then
    return false;
  end if;
  if link - array['title', 'url'] <> '{}'
    or jsonb_typeof(link -> 'title') is distinct from 'string'
    or jsonb_typeof(link -> 'url') is distinct from 'string' then
    return false;
  end if;
  return char_length(private.trimmed(link ->> 'title')) between 1 and 200
    and private.is_web_url(private.trimmed(link ->> 'url'));
end;
$$;

revoke all on function private.guide_problems(jsonb, jsonb) from public;
revoke all on function private.policy_link_valid(jsonb) from public;
grant execute on function private.policy_link_valid(jsonb)
  to authenticated, service_role;
grant execute on function private.guide_problems(jsonb, jsonb)
  to authenticated, service_role;

-- The trigger prepare_settings bumps checklist_version when the text
-- changes, so a publish acknowledges exactly what its author was shown;
-- saving the same guide again keeps the version.
create function public.save_publishing_guide(
  checklist jsonb,
  policy_links jsonb
) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  problems text[];
begin
  if not private.is_admin() then
    raise exception 'only an admin edits the publishing guide'
      using errcode = '42501';
  end if;
  problems := private.guide_problems(checklist, policy_links);
  if cardinality(problems) > 0 then
    raise exception '%', array_to_string(problems, '; ')
      using errcode = '22023';
  end if;

  update public.organisation_settings s set
    checklist = (select jsonb_agg(
        to_jsonb(private.trimmed(value #>> '{}'))
        order by i)
      from jsonb_array_elements(save_publishing_guide.checklist)
        with ordinality as item(value, i)),
    policy_links = (select coalesce(jsonb_agg(jsonb_build_object(
          'title', private.trimmed(value ->> 'title'),
          'url', private.trimmed(value ->> 'url'))
        order by i), '[]')
      from jsonb_array_elements(save_publishing_guide.policy_links)
        with ordinality as link(value, i))
  where s.id;
  return private.publishing_guide();
end;
$$;

revoke all on function public.save_publishing_guide(jsonb, jsonb)
  from public, anon;
grant execute on function public.save_publishing_guide(jsonb, jsonb)
  to authenticated, service_role;
