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
create function private.is_uuid_text(value jsonb) returns boolean
language plpgsql immutable set search_path = ''
as $$
begin
  return coalesce(jsonb_typeof(value) = 'string' and (value #>> '{}')
    ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    false);
end;
$$;

-- Absent, null, or a string of at most max_chars, as expect_text accepts.
create function private.fits_text(value jsonb, max_chars integer)
returns boolean
language plpgsql immutable set search_path = ''
as $$
begin
  return value is null or value = 'null'
    or (jsonb_typeof(value) = 'string'
      and char_length(value #>> '{}') <= max_chars);
end;
$$;

-- The fields of a create that need more than fits_text: each accepted
-- here is accepted by expect_clip(record, true), and a new clip starts as
-- a draft. Anything else is left to the per-change path, which names the
-- problem.
create function private.fits_clip_create(record jsonb) returns boolean
language plpgsql immutable set search_path = ''
as $$
begin
  if record - array['id', 'kind', 'source_url', 'canonical_url', 'title',
    'site', 'quote', 'quote_truncated', 'selectors', 'snippet', 'byline',
    'excerpt', 'note', 'tags', 'topic_id', 'visibility', 'state'] <> '{}'
    or not private.is_uuid_text(record -> 'id')
    or not (coalesce(record -> 'topic_id', 'null') = 'null'
      or private.is_uuid_text(record -> 'topic_id'))
    or coalesce(record -> 'kind', 'null')
      not in ('null', '"selection"', '"page"')
    or coalesce(record -> 'visibility', 'null')
      not in ('null', '"team"', '"organisation"')
    or coalesce(record -> 'state', 'null') not in ('null', '"draft"')
    or jsonb_typeof(record -> 'source_url') is distinct from 'string'
    or not private.is_web_url(record ->> 'source_url')
    or jsonb_typeof(record -> 'canonical_url') is distinct from 'string'
    or not private.is_web_url(record ->> 'canonical_url')
    or (record ? 'quote_truncated'
      and jsonb_typeof(record -> 'quote_truncated') <> 'boolean')
    or octet_length(record ->> 'snippet') > 500000 then
    return false;
  end if;
  if record ? 'selectors' and (jsonb_typeof(record -> 'selectors') <> 'array'
    or jsonb_array_length(record -> 'selectors') > 20
    or exists (
      select 1 from jsonb_array_elements(record -> 'selectors') s
      where jsonb_typeof(s) <> 'object'
    )) then
    return false;
  end if;
  return not record ? 'tags' or (jsonb_typeof(record -> 'tags') = 'array'
    and jsonb_array_length(record -> 'tags') <= 20
    and not exists (
      select 1 from jsonb_array_elements(record -> 'tags') t
      where jsonb_typeof(t) <> 'string'
        or char_length(t #>> '{}') not between 1 and 50
    ));
end;
$$;

-- A change that the set-based path may take: a well-formed clip.upsert
-- without a base version whose record passes every check of a create.
-- Whether its clip or change id exists is asked by the caller, in bulk.
create function private.is_clip_create(change jsonb) returns boolean
language plpgsql immutable set search_path = ''
as $$
declare
  record jsonb := change -> 'record';
begin
  if jsonb_typeof(change) is distinct from 'object'
    or jsonb_typeof(record) is distinct from 'object'
    or change - array['change_id', 'type', 'base_version', 'record'] <> '{}'
    or change -> 'type' is distinct from '"clip.upsert"'
    or coalesce(change -> 'base_version', 'null') <> 'null'
    or not private.is_uuid_text(change -> 'change_id') then
    return false;
  end if;
  return private.fits_text(record -> 'title', 1000)
    and private.fits_text(record -> 'site', 255)
    and private.fits_text(record -> 'quote', 100000)
    and private.fits_text(record -> 'snippet', 500000)
    and private.fits_text(record -> 'byline', 1000)
    and private.fits_text(record -> 'excerpt', 5000)
    and private.fits_text(record -> 'note', 20000)
    and private.fits_clip_create(record);
end;
$$;

-- Which changes of a batch the set-based path takes, in batch order. A
-- change id or clip id that occurs twice in the batch, or that the server
-- already knows, goes the per-change way: the first sending's answer, or
-- a conflict, is worked out there.
create function private.clip_create_flags(batch jsonb) returns boolean[]
language plpgsql stable security invoker set search_path = ''
as $$
declare
  flags boolean[];
begin
  select array_agg(case when c.plain and c.change_ids = 1 and c.clip_ids = 1
      then not exists (
        select 1 from private.applied_changes a
        where a.profile_id = (select auth.uid())
          and a.change_id = (c.change ->> 'change_id')::uuid)
      and not exists (
        select 1 from public.clips p
        where p.id = (c.change #>> '{record,id}')::uuid)
      else false end order by c.position)
  into flags
  from (
    select e.change, e.position, private.is_clip_create(e.change) as plain,
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

revoke all on function private.is_uuid_text(jsonb) from public;
revoke all on function private.fits_text(jsonb, integer) from public;
revoke all on function private.fits_clip_create(jsonb) from public;
revoke all on function private.is_clip_create(jsonb) from public;
revoke all on function private.clip_create_flags(jsonb) from public;
revoke all on function private.push_clip_creates(jsonb[]) from public;
revoke all on function private.push_one_answer(jsonb) from public;
revoke all on function private.push_clip_creates_or_null(jsonb[])
  from public;
grant execute on function private.is_uuid_text(jsonb),
  private.fits_text(jsonb, integer), private.fits_clip_create(jsonb),
  private.is_clip_create(jsonb), private.clip_create_flags(jsonb),
  private.push_clip_creates(jsonb[]), private.push_one_answer(jsonb),
  private.push_clip_creates_or_null(jsonb[])
  to authenticated, service_role;
