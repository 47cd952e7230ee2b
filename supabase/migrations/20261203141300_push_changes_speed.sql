-- push_changes made cheaper per change, every rule kept. Measured with
-- bench/sync-push-profile.mjs (function times from track_functions):
--
-- - The small helpers below were SQL functions with `set search_path`,
--   which PostgreSQL cannot inline; it then parses and plans their body on
--   every call from PL/pgSQL, 10 to 50 microseconds each, several times per
--   change (the insert policy, check constraints, the triggers). PL/pgSQL
--   keeps their plans for the session. Bodies and volatility are unchanged.
-- - A create checked every field of the clip twice.
-- - The results were appended to one jsonb value, copying it once per
--   change; they are now gathered in an array and built once.

-- Security definer, as before: policies of every table need the caller's
-- own profile, and reading it from inside a profiles policy would recurse.
create or replace function private.is_member() returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.profiles
    where id = auth.uid() and status = 'active'
  );
end;
$$;

create or replace function private.is_web_url(value text) returns boolean
language plpgsql immutable set search_path = ''
as $$
begin
  return value ~ '^https?://[^[:space:]/?#]+[^[:space:]]*$'
    and char_length(value) <= 2048;
end;
$$;

create or replace function private.tags_valid(tags text[]) returns boolean
language plpgsql immutable set search_path = ''
as $$
begin
  return coalesce(cardinality(tags), 0) <= 20
    and array_position(tags, null) is null
    and not exists (
      select 1 from unnest(tags) t where char_length(t) not between 1 and 50
    );
end;
$$;

create or replace function private.content_hash(quote text, note text)
returns text
language plpgsql immutable set search_path = ''
as $$
begin
  return encode(
    sha256(convert_to(quote, 'UTF8') || '\x00'::bytea
      || convert_to(note, 'UTF8')),
    'hex');
end;
$$;

create or replace function private.tags_of(record jsonb, fallback text[])
returns text[]
language plpgsql immutable set search_path = ''
as $$
begin
  if record ? 'tags' then
    return array(select jsonb_array_elements_text(record -> 'tags'));
  end if;
  return fallback;
end;
$$;

create or replace function private.applied(
  entity text,
  id uuid,
  version integer
) returns jsonb
language plpgsql immutable set search_path = ''
as $$
begin
  return jsonb_build_object('status', 'applied', 'entity', entity,
    'id', id, 'version', version);
end;
$$;

create or replace function private.conflict(
  entity text,
  server_version integer,
  record jsonb
) returns jsonb
language plpgsql immutable set search_path = ''
as $$
begin
  return jsonb_build_object('status', 'conflict', 'entity', entity,
    'id', record -> 'id', 'server_version', server_version,
    'record', record);
end;
$$;

create or replace function private.lock_own_clip(clip_id uuid)
returns public.clips
language plpgsql security invoker set search_path = ''
as $$
declare
  locked public.clips;
begin
  select * into locked from public.clips c
  where c.id = clip_id and c.author_id = auth.uid()
  for update;
  return locked;
end;
$$;

-- push_clip_upsert has already checked every field, as for an edit; a
-- create needs only its URLs in addition.
create or replace function private.insert_clip(record jsonb)
returns public.clips
language plpgsql security invoker set search_path = ''
as $$
declare
  saved public.clips;
begin
  perform private.expect_url(record, 'source_url', true);
  perform private.expect_url(record, 'canonical_url', true);

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

create or replace function public.push_changes(batch jsonb) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  change jsonb;
  position integer := 0;
  outcome jsonb;
  results jsonb[] := '{}';
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
    results := array_append(results, jsonb_build_object('index', position,
      'change_id', coalesce(change -> 'change_id', 'null')) || outcome);
    position := position + 1;
  end loop;
  return jsonb_build_object('results', to_jsonb(results));
end;
$$;
