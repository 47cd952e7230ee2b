-- push_changes with a set-based path for new clips. A first sync sends
-- hundreds of new drafts at once; one change at a time, each in its own
-- sub-transaction with its own statements, policies and checks, cost
-- about 0.65 ms a change (bench/sync-push-profile.mjs). A run of
-- consecutive creates is now written with one insert of the clips and one
-- of their idempotency records. Every rule still runs: the insert is the
-- caller's, under row level security, with the table's checks and
-- triggers. Whatever does not fit, or fails, goes the per-change way,
-- which gives every rejection its own reason. See SYNC-PROTOCOL.md.

-- A JSON string that is a UUID, as expect_uuid accepts one.
create function private.uuid_pattern() returns text
language sql immutable set search_path = ''
as $$
  select '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
$$;

-- Which changes of a batch the set-based path takes, in batch order: each
-- a well-formed clip.upsert without a base version whose record passes
-- every check of expect_clip(record, true) and starts as a draft. What is
-- not taken goes the per-change way, which names the problem; so does a
-- change id or clip id that occurs twice in the batch, or that the server
-- knows already (the first sending's answer, or a conflict, is worked out
-- there). The checks are one query, not a function call per field and
-- change, which cost more than the insert; CASE keeps their order, so a
-- value is cast or measured only once its type is known.
create function private.clip_create_flags(batch jsonb) returns boolean[]
language plpgsql stable security invoker set search_path = ''
as $$
declare
  uuid_pattern text := private.uuid_pattern();
  flags boolean[];
begin
  select array_agg(case
    when jsonb_typeof(c.change) is distinct from 'object'
      or jsonb_typeof(c.record) is distinct from 'object'
      or c.change_ids > 1 or c.clip_ids > 1 then false
    when c.change - array['change_id', 'type', 'base_version', 'record']
        <> '{}'
      or c.change -> 'type' is distinct from '"clip.upsert"'
      or coalesce(c.change -> 'base_version', 'null') <> 'null'
      or jsonb_typeof(c.change -> 'change_id') is distinct from 'string'
      or (c.change ->> 'change_id') !~* uuid_pattern then false
    when c.record - array['id', 'kind', 'source_url', 'canonical_url',
        'title', 'site', 'quote', 'quote_truncated', 'selectors', 'snippet',
        'byline', 'excerpt', 'note', 'tags', 'topic_id', 'visibility',
        'state'] <> '{}'
      or jsonb_typeof(c.record -> 'id') is distinct from 'string'
      or (c.record ->> 'id') !~* uuid_pattern
      or coalesce(jsonb_typeof(c.record -> 'topic_id'), 'null')
        not in ('null', 'string')
      or (c.record ->> 'topic_id') !~* uuid_pattern
      or coalesce(c.record -> 'kind', 'null')
        not in ('null', '"selection"', '"page"')
      or coalesce(c.record -> 'visibility', 'null')
        not in ('null', '"team"', '"organisation"')
      or coalesce(c.record -> 'state', 'null') not in ('null', '"draft"')
      or (c.record ? 'quote_truncated'
        and jsonb_typeof(c.record -> 'quote_truncated') <> 'boolean')
      or jsonb_typeof(c.record -> 'source_url') is distinct from 'string'
      or jsonb_typeof(c.record -> 'canonical_url') is distinct from 'string'
      then false
    when not private.is_web_url(c.record ->> 'source_url')
      or not private.is_web_url(c.record ->> 'canonical_url')
      or octet_length(c.record ->> 'snippet') > 500000
      or exists (
        select 1 from (values ('title', 1000), ('site', 255),
          ('quote', 100000), ('snippet', 500000), ('byline', 1000),
          ('excerpt', 5000), ('note', 20000)) f(field, max_chars)
        where coalesce(jsonb_typeof(c.record -> f.field), 'null')
            not in ('null', 'string')
          or char_length(c.record ->> f.field) > f.max_chars
      ) then false
    when c.record ? 'selectors'
      and jsonb_typeof(c.record -> 'selectors') is distinct from 'array'
      then false
    when jsonb_array_length(c.record -> 'selectors') > 20
      or exists (
        select 1 from jsonb_array_elements(c.record -> 'selectors') s
        where jsonb_typeof(s) <> 'object'
      ) then false
    when c.record ? 'tags'
      and jsonb_typeof(c.record -> 'tags') is distinct from 'array'
      then false
    when jsonb_array_length(c.record -> 'tags') > 20
      or exists (
        select 1 from jsonb_array_elements(c.record -> 'tags') t
        where jsonb_typeof(t) <> 'string'
          or char_length(t #>> '{}') not between 1 and 50
      ) then false
    else not exists (
        select 1 from private.applied_changes a
        where a.profile_id = (select auth.uid())
          and a.change_id = (c.change ->> 'change_id')::uuid)
      and not exists (
        select 1 from public.clips p
        where p.id = (c.record ->> 'id')::uuid)
    end order by c.position)
  into flags
  from (
    select e.change, e.change -> 'record' as record, e.position,
      count(*) over (partition by lower(e.change ->> 'change_id'))
        as change_ids,
      count(*) over (partition by lower(e.change #>> '{record,id}'))
        as clip_ids
    from jsonb_array_elements(batch) with ordinality e(change, position)
  ) c;
  return coalesce(flags, '{}');
end;
$$;

-- Inserts a run of creates that is_clip_create accepted and answers their
-- results in run order, null where a clip was not written (its id was
-- taken meanwhile, or its change was applied meanwhile): the caller sends
-- those the per-change way. An error of any row fails the whole run.
create function private.push_clip_creates(creates jsonb[]) returns jsonb[]
language plpgsql security invoker set search_path = ''
as $$
declare
  outcomes jsonb[];
begin
  -- The change-id locks push_one takes, in one order for every caller, so
  -- that two sendings of one batch cannot deadlock; a retry in flight
  -- waits here for the first sending to end.
  perform pg_advisory_xact_lock(private.change_id_lock_class(), k.key)
  from (
    select distinct hashtext(auth.uid()::text || (c ->> 'change_id')) as key
    from unnest(creates) c
    order by key
  ) k;

  with run as (
    select r.change, r.change -> 'record' as record, r.position
    from unnest(creates) with ordinality r(change, position)
  ), saved as (
    -- On conflict do nothing waits for a concurrent insert of the same id
    -- to end; the clip it skips is answered the per-change way.
    insert into public.clips (id, author_id, kind, source_url,
      canonical_url, title, site, quote, quote_truncated, selectors,
      snippet, byline, excerpt, note, tags, topic_id, visibility, state)
    select (record ->> 'id')::uuid, (select auth.uid()),
      coalesce(record ->> 'kind', 'selection'), record ->> 'source_url',
      record ->> 'canonical_url', coalesce(record ->> 'title', ''),
      coalesce(record ->> 'site', ''), coalesce(record ->> 'quote', ''),
      coalesce((record ->> 'quote_truncated')::boolean, false),
      coalesce(record -> 'selectors', '[]'),
      coalesce(record ->> 'snippet', ''), coalesce(record ->> 'byline', ''),
      coalesce(record ->> 'excerpt', ''), coalesce(record ->> 'note', ''),
      case when record ? 'tags'
        then array(select jsonb_array_elements_text(record -> 'tags'))
        else '{}' end,
      (record ->> 'topic_id')::uuid,
      coalesce(record ->> 'visibility', 'organisation'),
      coalesce(record ->> 'state', 'draft')
    from run
    where not exists (
      select 1 from private.applied_changes a
      where a.profile_id = (select auth.uid())
        and a.change_id = (run.change ->> 'change_id')::uuid)
    on conflict (id) do nothing
    returning id, version
  ), recorded as (
    insert into private.applied_changes (profile_id, change_id, result)
    select (select auth.uid()), (run.change ->> 'change_id')::uuid,
      jsonb_build_object('status', 'applied', 'entity', 'clip',
        'id', saved.id, 'version', saved.version)
    from run
    join saved on saved.id = (run.record ->> 'id')::uuid
    returning change_id, result
  )
  select array_agg(recorded.result order by run.position)
  into outcomes
  from run
  left join recorded
    on recorded.change_id = (run.change ->> 'change_id')::uuid;
  return outcomes;
end;
$$;

-- One change the per-change way, its failure turned into a rejection.
create function private.push_one_answer(change jsonb) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
begin
  return private.push_one(change);
exception when others then
  if private.push_retryable(sqlstate) then
    raise;
  end if;
  return jsonb_build_object('status', 'rejected',
    'reason', private.push_reason(sqlstate, sqlerrm), 'code', sqlstate);
end;
$$;

-- A run of creates in one sub-transaction; null when any of it failed, so
-- that nothing of it is kept and each change goes the per-change way.
create function private.push_clip_creates_or_null(creates jsonb[])
returns jsonb[]
language plpgsql security invoker set search_path = ''
as $$
begin
  return private.push_clip_creates(creates);
exception when others then
  if private.push_retryable(sqlstate) then
    raise;
  end if;
  return null;
end;
$$;

create or replace function public.push_changes(batch jsonb) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  changes jsonb[];
  fast boolean[];
  outcomes jsonb[];
  outcome jsonb;
  results jsonb[] := '{}';
  first integer := 1;
  last integer;
  total integer;
begin
  if auth.uid() is null then
    raise exception 'sign in to push changes' using errcode = '42501';
  end if;
  if jsonb_typeof(batch) is distinct from 'array' then
    raise exception 'batch must be a JSON array of changes'
      using errcode = '22023';
  end if;
  total := jsonb_array_length(batch);
  if total > 500 then
    raise exception 'a batch holds at most 500 changes'
      using errcode = '22023';
  end if;

  changes := array(select value from jsonb_array_elements(batch));
  fast := private.clip_create_flags(batch);
  while first <= total loop
    last := first;
    outcomes := null;
    if fast[first] then
      while last < total and fast[last + 1] loop
        last := last + 1;
      end loop;
      outcomes := private.push_clip_creates_or_null(changes[first:last]);
    end if;

    for position in first..last loop
      outcome := coalesce(outcomes[position - first + 1],
        private.push_one_answer(changes[position]));
      results := array_append(results, jsonb_build_object(
        'index', position - 1,
        'change_id', coalesce(changes[position] -> 'change_id', 'null'))
        || outcome);
    end loop;
    first := last + 1;
  end loop;
  return jsonb_build_object('results', to_jsonb(results));
end;
$$;

-- The change feed's trigger for clips, with a short way for the most
-- common write: a new clip that is not in review reaches only its author,
-- so it needs one row of the feed, not a call of stamp_change with a list
-- of recipients. That halves its cost at commit for a run of new clips.
-- The other cases are as before (20261203140600_change_feed.sql).
create or replace function private.record_clip_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clip public.clips := coalesce(new, old);
  recipients uuid[] := array[clip.author_id];
begin
  if tg_op = 'INSERT' and new.state <> 'in_review' then
    perform pg_advisory_xact_lock(private.change_lock_key());
    insert into private.sync_feed as f (profile_id, entity, entity_id, seq)
    select p.id, 'clip', new.id, nextval('private.change_seq')
    from public.profiles p
    where p.id = new.author_id
    on conflict on constraint sync_feed_pkey
    do update set seq = excluded.seq;
    return null;
  end if;

  if old.state = 'in_review' then
    recipients := recipients || array(select private.clip_reviewers(
      old.author_id, old.team_id, old.topic_id));
  end if;
  if new.state = 'in_review' then
    recipients := recipients || array(select private.clip_reviewers(
      new.author_id, new.team_id, new.topic_id));
  end if;

  perform private.stamp_change('clip', clip.id, recipients);

  -- New text lapses the endorsements of the old one: their endorsers hold
  -- them, and the `active` flag they were sent has changed.
  if old.content_hash is distinct from new.content_hash
    and tg_op = 'UPDATE' then
    perform private.stamp_change('endorsement', e.id,
      array[e.endorser_id, clip.author_id])
    from public.endorsements e
    where e.clip_id = clip.id and e.withdrawn_at is null;
  end if;
  return null;
end;
$$;

revoke all on function private.uuid_pattern() from public;
revoke all on function private.clip_create_flags(jsonb) from public;
revoke all on function private.push_clip_creates(jsonb[]) from public;
revoke all on function private.push_one_answer(jsonb) from public;
revoke all on function private.push_clip_creates_or_null(jsonb[])
  from public;
grant execute on function private.uuid_pattern(),
  private.clip_create_flags(jsonb), private.push_clip_creates(jsonb[]),
  private.push_one_answer(jsonb),
  private.push_clip_creates_or_null(jsonb[])
  to authenticated, service_role;
