-- push_changes under concurrency. Two devices may send edits of one version
-- at the same moment, and a retried request may arrive while the first is
-- still running. Reading a row and then writing it leaves a gap in which
-- another transaction commits; so an edit now locks the row before it
-- compares versions, a create that meets a concurrent create answers a
-- conflict, and one change id is applied by one transaction at a time.
-- The wire format is in SYNC-PROTOCOL.md.

-- Inserts a new clip from a create, or answers null when a row with its id
-- exists (committed by someone else meanwhile, or long ago).
create function private.insert_clip(record jsonb) returns public.clips
language plpgsql security invoker set search_path = ''
as $$
declare
  saved public.clips;
begin
  perform private.expect_clip(record, true);

  -- On conflict do nothing waits for a concurrent insert of the same id
  -- to end, so the loser learns of the winner instead of a unique error.
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
  on conflict (id) do nothing
  returning * into saved;
  return saved;
end;
$$;

-- The caller's clip, locked until the end of the transaction, as it is
-- after every commit so far; null when the caller may not change it.
create function private.lock_own_clip(clip_id uuid) returns public.clips
language sql security invoker set search_path = ''
as $$
  select * from public.clips c
  where c.id = clip_id and c.author_id = auth.uid()
  for update
$$;

create or replace function private.push_clip_upsert(change jsonb)
returns jsonb
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
    saved := private.insert_clip(record);
    if saved.id is not null then
      return private.applied('clip', saved.id, saved.version);
    end if;
    select * into existing from public.clips c
    where c.id = (record ->> 'id')::uuid;
    if existing.id is null then
      perform private.reject('this id is already taken');
    end if;
  end if;

  if existing.author_id <> auth.uid() then
    perform private.reject('only the author changes a clip');
  end if;
  -- Compared under the row lock: a concurrent edit of the same version
  -- has either committed (and this one is a conflict) or waits for us.
  existing := private.lock_own_clip(existing.id);
  if existing.id is null then
    perform private.reject('you may not make this change');
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

create or replace function private.push_clip_step(change jsonb)
returns jsonb
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

  existing := private.lock_own_clip((record ->> 'id')::uuid);
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

-- Inserts a new comment, or answers null when its id exists.
create function private.insert_comment(record jsonb) returns public.comments
language plpgsql security invoker set search_path = ''
as $$
declare
  saved public.comments;
begin
  perform private.expect_uuid(record, 'clip_id', true);
  perform private.expect_uuid(record, 'parent_id');
  perform private.expect_text(record, 'body', 10000, true);

  insert into public.comments (id, clip_id, author_id, parent_id, body)
  values ((record ->> 'id')::uuid, (record ->> 'clip_id')::uuid,
    auth.uid(), (record ->> 'parent_id')::uuid, record ->> 'body')
  on conflict (id) do nothing
  returning * into saved;
  return saved;
end;
$$;

create or replace function private.push_comment(change jsonb) returns jsonb
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
    saved := private.insert_comment(record);
    if saved.id is not null then
      return private.applied('comment', saved.id, saved.version);
    end if;
    select * into existing from public.comments m
    where m.id = (record ->> 'id')::uuid;
    if existing.id is null then
      perform private.reject('this id is already taken');
    end if;
  end if;

  if existing.author_id <> auth.uid() then
    perform private.reject('only its author changes a comment');
  end if;
  select * into existing from public.comments m
  where m.id = existing.id and m.author_id = auth.uid()
  for update;
  if existing.id is null then
    perform private.reject('you may not make this change');
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

-- The two-key advisory lock space, apart from the one-key space the change
-- feed and endorsements use; the first key names what is locked.
create function private.change_id_lock_class() returns integer
language sql immutable set search_path = ''
as $$ select 70382914 $$;

create or replace function private.push_one(change jsonb) returns jsonb
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

  -- A retry in flight beside its first sending waits here until the first
  -- commits, then reads the result it stored. Two change ids that share a
  -- hash only wait for each other.
  perform pg_advisory_xact_lock(private.change_id_lock_class(),
    hashtext(auth.uid()::text || (change ->> 'change_id')));
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

-- Errors that say "try again", not "this change is wrong": a deadlock
-- between two batches locking the same rows in other orders, a lock or
-- serialisation failure. They fail the whole call, so that the client keeps
-- the batch and sends it again instead of dropping a change as rejected.
create function private.push_retryable(state text) returns boolean
language sql immutable set search_path = ''
as $$ select state like '40%' or state = '55P03' $$;

create or replace function public.push_changes(batch jsonb) returns jsonb
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
  if jsonb_array_length(batch) > 500 then
    raise exception 'a batch holds at most 500 changes'
      using errcode = '22023';
  end if;

  for change in select value from jsonb_array_elements(batch) loop
    begin
      outcome := private.push_one(change);
    exception when others then
      if private.push_retryable(sqlstate) then
        raise;
      end if;
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
