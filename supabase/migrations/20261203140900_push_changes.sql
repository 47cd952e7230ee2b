-- push_changes: a batch of client changes in one call, each applied on its
-- own (a sub-transaction per change), idempotent by change id. The wire
-- format is in SYNC-PROTOCOL.md.

-- What was applied, by change id, so that a retried change answers as the
-- first time instead of conflicting with its own earlier write.
-- Known debt: nothing prunes applied changes yet; they grow with every push.
create table private.applied_changes (
  profile_id uuid not null references public.profiles (id) on delete cascade,
  change_id uuid not null,
  result jsonb not null,
  created_at timestamptz not null default now(),
  primary key (profile_id, change_id)
);

alter table private.applied_changes enable row level security;
create policy "people read their own applied changes"
  on private.applied_changes
  for select to authenticated using (profile_id = (select auth.uid()));
create policy "people record their own applied changes"
  on private.applied_changes
  for insert to authenticated with check (profile_id = (select auth.uid()));
revoke all on private.applied_changes from public, anon, authenticated;
grant select, insert on private.applied_changes to authenticated;

create function private.conflict(
  entity text,
  server_version integer,
  record jsonb
) returns jsonb
language sql immutable set search_path = ''
as $$
  select jsonb_build_object('status', 'conflict', 'entity', entity,
    'id', record -> 'id', 'server_version', server_version,
    'record', record)
$$;

create function private.applied(entity text, id uuid, version integer)
returns jsonb
language sql immutable set search_path = ''
as $$
  select jsonb_build_object('status', 'applied', 'entity', entity,
    'id', id, 'version', version)
$$;

create function private.tags_of(record jsonb, fallback text[]) returns text[]
language sql immutable set search_path = ''
as $$
  select case when record ? 'tags'
    then array(select jsonb_array_elements_text(record -> 'tags'))
    else fallback end
$$;

create function private.push_clip_upsert(change jsonb) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  record jsonb := change -> 'record';
  base integer := (change ->> 'base_version')::integer;
  existing public.clips;
  saved public.clips;
begin
  perform private.expect_clip(record, false);
  select * into existing from public.clips c
  where c.id = (record ->> 'id')::uuid;

  if existing.id is null then
    perform private.expect_clip(record, true);
    insert into public.clips (id, author_id, kind, source_url, canonical_url,
      title, site, quote, quote_truncated, selectors, snippet, byline,
      excerpt, note, tags, topic_id, visibility, state)
    values ((record ->> 'id')::uuid, auth.uid(),
      coalesce(record ->> 'kind', 'selection'), record ->> 'source_url',
      record ->> 'canonical_url', coalesce(record ->> 'title', ''),
      coalesce(record ->> 'site', ''), coalesce(record ->> 'quote', ''),
      coalesce((record ->> 'quote_truncated')::boolean, false),
      coalesce(record -> 'selectors', '[]'),
      coalesce(record ->> 'snippet', ''), coalesce(record ->> 'byline', ''),
      coalesce(record ->> 'excerpt', ''), coalesce(record ->> 'note', ''),
      private.tags_of(record, '{}'), (record ->> 'topic_id')::uuid,
      coalesce(record ->> 'visibility', 'organisation'),
      coalesce(record ->> 'state', 'draft'))
    returning * into saved;
    return private.applied('clip', saved.id, saved.version);
  end if;

  if existing.author_id <> auth.uid() then
    perform private.reject('only the author changes a clip');
  end if;
  if base is distinct from existing.version then
    return private.conflict('clip', existing.version,
      to_jsonb(existing) - 'published_day');
  end if;

  update public.clips c set
    kind = coalesce(record ->> 'kind', c.kind),
    source_url = coalesce(record ->> 'source_url', c.source_url),
    canonical_url = coalesce(record ->> 'canonical_url', c.canonical_url),
    title = coalesce(record ->> 'title', c.title),
    site = coalesce(record ->> 'site', c.site),
    quote = coalesce(record ->> 'quote', c.quote),
    quote_truncated = coalesce((record ->> 'quote_truncated')::boolean,
      c.quote_truncated),
    selectors = coalesce(record -> 'selectors', c.selectors),
    snippet = coalesce(record ->> 'snippet', c.snippet),
    byline = coalesce(record ->> 'byline', c.byline),
    excerpt = coalesce(record ->> 'excerpt', c.excerpt),
    note = coalesce(record ->> 'note', c.note),
    tags = private.tags_of(record, c.tags),
    topic_id = case when record ? 'topic_id'
      then (record ->> 'topic_id')::uuid else c.topic_id end,
    visibility = coalesce(record ->> 'visibility', c.visibility),
    state = coalesce(record ->> 'state', c.state)
  where c.id = existing.id
  returning * into saved;
  return private.applied('clip', saved.id, saved.version);
end;
$$;

-- Deleting and sending for review: both need the version the client saw.
create function private.push_clip_step(change jsonb) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  record jsonb := change -> 'record';
  base integer := (change ->> 'base_version')::integer;
  existing public.clips;
  saved public.clips;
begin
  if change ->> 'type' = 'clip.delete' then
    perform private.expect_fields(record, array['id']);
  else
    perform private.expect_fields(record, array['id', 'checklist_version']);
    perform private.expect_integer(record, 'checklist_version', true);
  end if;
  perform private.expect_uuid(record, 'id', true);
  select * into existing from public.clips c
  where c.id = (record ->> 'id')::uuid and c.author_id = auth.uid();
  if existing.id is null then
    perform private.reject('you have no clip with this id');
  end if;
  if change ->> 'type' = 'clip.delete' and existing.deleted_at is not null
  then
    return private.applied('clip', existing.id, existing.version);
  end if;
  if base is distinct from existing.version then
    return private.conflict('clip', existing.version,
      to_jsonb(existing) - 'published_day');
  end if;

  if change ->> 'type' = 'clip.delete' then
    update public.clips c set deleted_at = now() where c.id = existing.id
    returning * into saved;
  else
    saved := public.submit_for_review(existing.id,
      (record ->> 'checklist_version')::integer);
  end if;
  return private.applied('clip', saved.id, saved.version);
end;
$$;

create function private.push_comment(change jsonb) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  record jsonb := change -> 'record';
  base integer := (change ->> 'base_version')::integer;
  deleting boolean := change ->> 'type' = 'comment.delete';
  existing public.comments;
  saved public.comments;
begin
  perform private.expect_fields(record, case when deleting then array['id']
    else array['id', 'clip_id', 'parent_id', 'body'] end);
  perform private.expect_uuid(record, 'id', true);
  select * into existing from public.comments m
  where m.id = (record ->> 'id')::uuid;

  if existing.id is null then
    if deleting then
      perform private.reject('you have no comment with this id');
    end if;
    perform private.expect_uuid(record, 'clip_id', true);
    perform private.expect_uuid(record, 'parent_id');
    perform private.expect_text(record, 'body', 10000, true);
    insert into public.comments (id, clip_id, author_id, parent_id, body)
    values ((record ->> 'id')::uuid, (record ->> 'clip_id')::uuid,
      auth.uid(), (record ->> 'parent_id')::uuid, record ->> 'body')
    returning * into saved;
    return private.applied('comment', saved.id, saved.version);
  end if;

  if existing.author_id <> auth.uid() then
    perform private.reject('only its author changes a comment');
  end if;
  if deleting and existing.deleted_at is not null then
    return private.applied('comment', existing.id, existing.version);
  end if;
  if base is distinct from existing.version then
    return private.conflict('comment', existing.version, to_jsonb(existing));
  end if;
  if not deleting then
    perform private.expect_text(record, 'body', 10000, true);
  end if;

  update public.comments m set
    body = coalesce(record ->> 'body', m.body),
    deleted_at = case when deleting then now() end
  where m.id = existing.id
  returning * into saved;
  return private.applied('comment', saved.id, saved.version);
end;
$$;

create function private.push_judgement(change jsonb) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  record jsonb := change -> 'record';
  kind text := change ->> 'type';
  saved_id uuid;
begin
  perform private.expect_fields(record, case kind
    when 'endorsement.create' then array['id', 'clip_id', 'kind']
    when 'endorsement.withdraw' then array['id']
    else array['id', 'clip_id', 'verdict', 'helps', 'improve',
      'accuracy_concern'] end);
  perform private.expect_uuid(record, 'id', kind = 'endorsement.withdraw');
  perform private.expect_uuid(record, 'clip_id', kind <> 'endorsement.withdraw');

  if kind = 'endorsement.create' then
    perform private.expect_enum(record, 'kind', array['peer', 'official']);
    saved_id := (public.endorse((record ->> 'clip_id')::uuid,
      coalesce(record ->> 'kind', 'peer'), (record ->> 'id')::uuid)).id;
    return private.applied('endorsement', saved_id, null);
  elsif kind = 'endorsement.withdraw' then
    saved_id := (public.withdraw_endorsement((record ->> 'id')::uuid)).id;
    return private.applied('endorsement', saved_id, null);
  end if;

  perform private.expect_enum(record, 'verdict', array['approve', 'changes'],
    true);
  perform private.expect_text(record, 'helps', 10000);
  perform private.expect_text(record, 'improve', 10000);
  perform private.expect_text(record, 'accuracy_concern', 10000);
  saved_id := (public.review((record ->> 'clip_id')::uuid,
    record ->> 'verdict', record ->> 'helps', record ->> 'improve',
    record ->> 'accuracy_concern', (record ->> 'id')::uuid)
    -> 'review' ->> 'id')::uuid;
  return private.applied('review', saved_id, null);
end;
$$;

-- One change: checked, answered from the record of applied changes when it
-- was applied before, else applied and recorded.
create function private.push_one(change jsonb) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  previous jsonb;
  outcome jsonb;
begin
  if jsonb_typeof(change) is distinct from 'object' then
    perform private.reject('a change must be a JSON object');
  end if;
  perform private.expect_fields(change,
    array['change_id', 'type', 'base_version', 'record']);
  perform private.expect_uuid(change, 'change_id', true);
  perform private.expect_enum(change, 'type', array['clip.upsert',
    'clip.delete', 'clip.submit', 'comment.upsert', 'comment.delete',
    'endorsement.create', 'endorsement.withdraw', 'review.create'], true);
  perform private.expect_integer(change, 'base_version');
  if jsonb_typeof(change -> 'record') is distinct from 'object' then
    perform private.reject('record: required, a JSON object');
  end if;

  select a.result into previous from private.applied_changes a
  where a.profile_id = auth.uid()
    and a.change_id = (change ->> 'change_id')::uuid;
  if previous is not null then
    return previous;
  end if;

  outcome := case split_part(change ->> 'type', '.', 1)
    when 'clip' then case change ->> 'type'
      when 'clip.upsert' then private.push_clip_upsert(change)
      else private.push_clip_step(change) end
    when 'comment' then private.push_comment(change)
    else private.push_judgement(change) end;

  if outcome ->> 'status' = 'applied' then
    insert into private.applied_changes (profile_id, change_id, result)
    values (auth.uid(), (change ->> 'change_id')::uuid, outcome);
  end if;
  return outcome;
end;
$$;

-- Database errors in words a client can show.
create function private.push_reason(state text, message text) returns text
language sql immutable set search_path = ''
as $$
  select case
    when message like 'duplicate key value%' then 'this id is already taken'
    when message like 'new row violates row-level security%'
      then 'you may not make this change'
    when state = '22P02' then 'a value has the wrong format: ' || message
    else message
  end
$$;

create function public.push_changes(batch jsonb) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  change jsonb;
  position integer := 0;
  outcome jsonb;
  results jsonb := '[]';
begin
  if auth.uid() is null then
    raise exception 'sign in to push changes' using errcode = '42501';
  end if;
  if jsonb_typeof(batch) is distinct from 'array' then
    raise exception 'batch must be a JSON array of changes'
      using errcode = '22023';
  end if;
  if jsonb_array_length(batch) > 100 then
    raise exception 'a batch holds at most 100 changes'
      using errcode = '22023';
  end if;

  for change in select value from jsonb_array_elements(batch) loop
    begin
      outcome := private.push_one(change);
    exception when others then
      outcome := jsonb_build_object('status', 'rejected',
        'reason', private.push_reason(sqlstate, sqlerrm), 'code', sqlstate);
    end;
    results := results || jsonb_build_array(
      jsonb_build_object('index', position,
        'change_id', coalesce(change -> 'change_id', 'null')) || outcome);
    position := position + 1;
  end loop;
  return jsonb_build_object('results', results);
end;
$$;

revoke all on function public.push_changes(jsonb) from public, anon;
grant execute on function public.push_changes(jsonb)
  to authenticated, service_role;
