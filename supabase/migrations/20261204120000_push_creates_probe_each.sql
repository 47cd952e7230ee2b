-- The set-based path for new clips looks up each change on its own.
--
-- clip_create_flags and push_clip_creates asked whether a change was
-- applied before, and whether its clip exists, with NOT EXISTS. The
-- planner may answer those by reading all of the caller's applied changes
-- and every clip the caller can see into a hash table once per batch,
-- which it chose whenever its statistics were stale: a push then grew
-- slower with the person's history and the organisation's clips (0.10 ms
-- a new clip on a fresh database, 0.16 ms after 25,000 of them). OFFSET 0
-- keeps each NOT EXISTS a probe of one primary key per change, whatever
-- the tables hold (bench/sync-push-profile.mjs). The functions are
-- otherwise those of 20261203160200_push_creates_cheaper.sql.
-- Known debt: like 20261203141200 to 20261203160200, this restates whole
-- functions to change a few lines; fold them before the first deployment.

create or replace function private.clip_create_flags(batch jsonb)
returns boolean[]
language plpgsql stable security invoker set search_path = ''
as $$
declare
  uuid_shape text := '________-____-____-____-____________';
  flags boolean[];
begin
  -- offset 0 keeps a step from being inlined into the next, where every
  -- mention of a field would read it from the change again.
  with sent as (
    select e.position, e.change, e.change -> 'record' as record,
      e.change ->> 'change_id' as change_id,
      e.change #>> '{record,id}' as clip_id
    from jsonb_array_elements(batch) with ordinality e(change, position)
    offset 0
  ), field as (
    select s.*, s.record -> 'topic_id' as topic_id,
      s.record -> 'source_url' as source_url,
      s.record -> 'canonical_url' as canonical_url,
      s.record -> 'title' as title, s.record -> 'site' as site,
      s.record -> 'quote' as quote, s.record -> 'snippet' as snippet,
      s.record -> 'byline' as byline, s.record -> 'excerpt' as excerpt,
      s.record -> 'note' as note, s.record -> 'selectors' as selectors,
      s.record -> 'tags' as tags
    from sent s
    offset 0
  ), checked as (
    select f.position, lower(f.change_id collate "C") as change_key,
      lower(f.clip_id collate "C") as clip_key, case
      when jsonb_typeof(f.change) is distinct from 'object'
        or jsonb_typeof(f.record) is distinct from 'object' then false
      when f.change - array['change_id', 'type', 'base_version', 'record']
          <> '{}'
        or f.change -> 'type' is distinct from '"clip.upsert"'
        or coalesce(f.change -> 'base_version', 'null') <> 'null'
        or jsonb_typeof(f.change -> 'change_id') is distinct from 'string'
        or f.change_id not like uuid_shape
        or not pg_input_is_valid(f.change_id, 'uuid') then false
      when f.record - array['id', 'kind', 'source_url', 'canonical_url',
          'title', 'site', 'quote', 'quote_truncated', 'selectors', 'snippet',
          'byline', 'excerpt', 'note', 'tags', 'topic_id', 'visibility',
          'state'] <> '{}'
        or jsonb_typeof(f.record -> 'id') is distinct from 'string'
        or f.clip_id not like uuid_shape
        or not pg_input_is_valid(f.clip_id, 'uuid')
        or coalesce(jsonb_typeof(f.topic_id), 'null') not in ('null', 'string')
        or f.topic_id #>> '{}' not like uuid_shape
        or not pg_input_is_valid(f.topic_id #>> '{}', 'uuid')
        or coalesce(f.record -> 'kind', 'null')
          not in ('null', '"selection"', '"page"')
        or coalesce(f.record -> 'visibility', 'null')
          not in ('null', '"team"', '"organisation"')
        or coalesce(f.record -> 'state', 'null') not in ('null', '"draft"')
        or coalesce(jsonb_typeof(f.record -> 'quote_truncated'), 'boolean')
          <> 'boolean'
        or jsonb_typeof(f.source_url) is distinct from 'string'
        or jsonb_typeof(f.canonical_url) is distinct from 'string'
        then false
      when not (f.source_url #>> '{}' like 'http://%'
          or f.source_url #>> '{}' like 'https://%')
        or substr(f.source_url #>> '{}',
          8 + (f.source_url #>> '{}' like 'https%')::integer, 1)
          in ('', '/', '?', '#')
        or f.source_url #>> '{}' ~ '[[:space:]]'
        or (octet_length(f.source_url #>> '{}') > 2048
          and char_length(f.source_url #>> '{}') > 2048)
        or not (f.canonical_url #>> '{}' like 'http://%'
          or f.canonical_url #>> '{}' like 'https://%')
        or substr(f.canonical_url #>> '{}',
          8 + (f.canonical_url #>> '{}' like 'https%')::integer, 1)
          in ('', '/', '?', '#')
        or f.canonical_url #>> '{}' ~ '[[:space:]]'
        or (octet_length(f.canonical_url #>> '{}') > 2048
          and char_length(f.canonical_url #>> '{}') > 2048) then false
      when coalesce(jsonb_typeof(f.title), 'null') not in ('null', 'string')
        or (octet_length(f.title #>> '{}') > 1000
          and char_length(f.title #>> '{}') > 1000)
        or coalesce(jsonb_typeof(f.site), 'null') not in ('null', 'string')
        or (octet_length(f.site #>> '{}') > 255
          and char_length(f.site #>> '{}') > 255)
        or coalesce(jsonb_typeof(f.quote), 'null') not in ('null', 'string')
        or (octet_length(f.quote #>> '{}') > 100000
          and char_length(f.quote #>> '{}') > 100000)
        or coalesce(jsonb_typeof(f.snippet), 'null') not in ('null', 'string')
        or octet_length(f.snippet #>> '{}') > 500000
        or coalesce(jsonb_typeof(f.byline), 'null') not in ('null', 'string')
        or (octet_length(f.byline #>> '{}') > 1000
          and char_length(f.byline #>> '{}') > 1000)
        or coalesce(jsonb_typeof(f.excerpt), 'null') not in ('null', 'string')
        or (octet_length(f.excerpt #>> '{}') > 5000
          and char_length(f.excerpt #>> '{}') > 5000)
        or coalesce(jsonb_typeof(f.note), 'null') not in ('null', 'string')
        or (octet_length(f.note #>> '{}') > 20000
          and char_length(f.note #>> '{}') > 20000) then false
      -- Arrays only from here on: the array functions refuse anything else.
      when coalesce(jsonb_typeof(f.selectors), 'array') <> 'array'
        or coalesce(jsonb_typeof(f.tags), 'array') <> 'array' then false
      when jsonb_array_length(f.selectors) > 20
        or jsonb_path_exists(f.selectors,
          'strict $[*] ? (@.type() != "object")')
        or jsonb_array_length(f.tags) > 20
        or jsonb_path_exists(f.tags, 'strict $[*] ? (@.type() != "string"
          || @ == "" || @ like_regex "^.{51}" flag "s")') then false
      else not exists (
          select 1 from private.applied_changes a
          where a.profile_id = (select auth.uid())
            and a.change_id = f.change_id::uuid
          offset 0)
        and not exists (
          select 1 from public.clips p where p.id = f.clip_id::uuid
          offset 0)
      end as flag
    from field f
    offset 0
  ), counted as (
    -- Counted on the checked rows, which are small: sorting the changes
    -- themselves would copy each of them once more.
    select c.position, c.flag,
      count(*) over (partition by c.change_key) as change_ids,
      count(*) over (partition by c.clip_key) as clip_ids
    from checked c
  )
  select array_agg(c.flag and c.change_ids = 1 and c.clip_ids = 1
    order by c.position)
  into flags
  from counted c;
  return coalesce(flags, '{}');
end;
$$;

create or replace function private.push_clip_creates(creates jsonb[])
returns jsonb[]
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
    select distinct hashtext((select auth.uid())::text || (c ->> 'change_id'))
      as key
    from unnest(creates) c
    order by key
  ) k;

  with run as (
    select (r.change ->> 'change_id')::uuid as change_id,
      (r.change #>> '{record,id}')::uuid as clip_id,
      r.change -> 'record' as record, r.position
    from unnest(creates) with ordinality r(change, position)
  ), saved as (
    -- On conflict do nothing waits for a concurrent insert of the same id
    -- to end; the clip it skips is answered the per-change way.
    insert into public.clips (id, author_id, kind, source_url,
      canonical_url, title, site, quote, quote_truncated, selectors,
      snippet, byline, excerpt, note, tags, topic_id, visibility, state)
    select run.clip_id, (select auth.uid()),
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
        and a.change_id = run.change_id
      offset 0)
    on conflict (id) do nothing
    returning id, version
  ), recorded as (
    insert into private.applied_changes (profile_id, change_id, result)
    select (select auth.uid()), run.change_id,
      jsonb_build_object('status', 'applied', 'entity', 'clip',
        'id', saved.id, 'version', saved.version)
    from run
    join saved on saved.id = run.clip_id
    returning change_id, result
  )
  select array_agg(recorded.result order by run.position)
  into outcomes
  from run
  left join recorded on recorded.change_id = run.change_id;
  return outcomes;
end;
$$;
