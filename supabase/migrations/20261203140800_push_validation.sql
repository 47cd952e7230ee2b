-- Field checks for push_changes: each names the field and what is wrong
-- with it, so a rejected change tells its author why. They raise
-- invalid_parameter_value (22023); push_changes turns that into a
-- "rejected" result for the one change.

create function private.reject(reason text) returns void
language plpgsql volatile set search_path = ''
as $$
begin
  raise exception '%', reason using errcode = '22023';
end;
$$;

create function private.expect_fields(
  record jsonb,
  allowed text[]
) returns void
language plpgsql immutable set search_path = ''
as $$
declare
  unknown text;
begin
  if jsonb_typeof(record) is distinct from 'object' then
    perform private.reject('record must be a JSON object');
  end if;
  select string_agg(k, ', ' order by k) into unknown
  from jsonb_object_keys(record) k
  where k <> all (allowed);
  if unknown is not null then
    perform private.reject('unknown field: ' || unknown);
  end if;
end;
$$;

create function private.expect_text(
  record jsonb,
  field text,
  max_chars integer,
  required boolean default false
) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if not record ? field or record -> field = 'null' then
    if required then
      perform private.reject(field || ': required');
    end if;
    return;
  end if;
  if jsonb_typeof(record -> field) <> 'string' then
    perform private.reject(field || ': must be a string');
  end if;
  if char_length(record ->> field) > max_chars then
    perform private.reject(
      format('%s: longer than %s characters', field, max_chars));
  end if;
end;
$$;

create function private.expect_enum(
  record jsonb,
  field text,
  options text[],
  required boolean default false
) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  perform private.expect_text(record, field, 100, required);
  if record ? field and record -> field <> 'null'
    and (record ->> field) <> all (options) then
    perform private.reject(format('%s: must be one of %s', field,
      array_to_string(options, ', ')));
  end if;
end;
$$;

create function private.expect_url(
  record jsonb,
  field text,
  required boolean default false
) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  perform private.expect_text(record, field, 2048, required);
  if record ? field and record -> field <> 'null'
    and not private.is_web_url(record ->> field) then
    perform private.reject(field || ': must be an http or https URL');
  end if;
end;
$$;

create function private.expect_uuid(
  record jsonb,
  field text,
  required boolean default false
) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  perform private.expect_text(record, field, 36, required);
  if record ? field and record -> field <> 'null' and (record ->> field)
    !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  then
    perform private.reject(field || ': must be a UUID');
  end if;
end;
$$;

create function private.expect_integer(
  record jsonb,
  field text,
  required boolean default false
) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if not record ? field or record -> field = 'null' then
    if required then
      perform private.reject(field || ': required');
    end if;
    return;
  end if;
  if jsonb_typeof(record -> field) <> 'number'
    or (record ->> field) !~ '^[0-9]{1,9}$' then
    perform private.reject(field || ': must be a whole number');
  end if;
end;
$$;

create function private.expect_boolean(record jsonb, field text)
returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if record ? field and jsonb_typeof(record -> field) <> 'boolean' then
    perform private.reject(field || ': must be true or false');
  end if;
end;
$$;

create function private.expect_tags(record jsonb) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if not record ? 'tags' then
    return;
  end if;
  if jsonb_typeof(record -> 'tags') <> 'array' then
    perform private.reject('tags: must be an array of strings');
  end if;
  if jsonb_array_length(record -> 'tags') > 20 then
    perform private.reject('tags: more than 20 tags');
  end if;
  if exists (
    select 1 from jsonb_array_elements(record -> 'tags') t
    where jsonb_typeof(t) <> 'string'
      or char_length(t #>> '{}') not between 1 and 50
  ) then
    perform private.reject('tags: each tag is 1 to 50 characters of text');
  end if;
end;
$$;

create function private.expect_selectors(record jsonb) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if not record ? 'selectors' then
    return;
  end if;
  if jsonb_typeof(record -> 'selectors') <> 'array'
    or jsonb_array_length(record -> 'selectors') > 20
    or exists (
      select 1 from jsonb_array_elements(record -> 'selectors') s
      where jsonb_typeof(s) <> 'object'
    ) then
    perform private.reject('selectors: must be an array of up to 20 objects');
  end if;
end;
$$;

-- Every field a client may send for a clip, checked against PRODUCT.md.
create function private.expect_clip(record jsonb, creating boolean)
returns void
language plpgsql immutable set search_path = ''
as $$
begin
  perform private.expect_fields(record, array['id', 'kind', 'source_url',
    'canonical_url', 'title', 'site', 'quote', 'quote_truncated',
    'selectors', 'snippet', 'byline', 'excerpt', 'note', 'tags', 'topic_id',
    'visibility', 'state']);
  perform private.expect_uuid(record, 'id', true);
  perform private.expect_enum(record, 'kind', array['selection', 'page']);
  perform private.expect_url(record, 'source_url', creating);
  perform private.expect_url(record, 'canonical_url', creating);
  perform private.expect_text(record, 'title', 1000);
  perform private.expect_text(record, 'site', 255);
  perform private.expect_text(record, 'quote', 100000);
  perform private.expect_boolean(record, 'quote_truncated');
  perform private.expect_selectors(record);
  perform private.expect_text(record, 'snippet', 500000);
  if octet_length(record ->> 'snippet') > 500000 then
    perform private.reject('snippet: longer than 500000 bytes');
  end if;
  perform private.expect_text(record, 'byline', 1000);
  perform private.expect_text(record, 'excerpt', 5000);
  perform private.expect_text(record, 'note', 20000);
  perform private.expect_tags(record);
  perform private.expect_uuid(record, 'topic_id');
  perform private.expect_enum(record, 'visibility',
    array['team', 'organisation']);
  perform private.expect_enum(record, 'state',
    array['draft', 'in_review', 'published', 'archived']);
end;
$$;
