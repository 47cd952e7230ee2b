-- Cheaper checks on every new clip, with the same rules.
--
-- - The URL and tag constraints called private.is_web_url and
--   private.tags_valid. Those set search_path, so PostgreSQL cannot inline
--   them: each check was a function call, and tags_valid ran a query over
--   the tags. The constraints now hold the expressions themselves. The
--   functions stay for the code that calls them (push validation, the
--   publishing guide).
-- - Limits in characters counted every character of every text, even
--   text far shorter in bytes than the limit.
-- - prepare_clip served inserts and updates. Inserts now have their own
--   trigger with the insert's rules alone, in the order that lets a
--   person's clip skip what only trusted code needs, and the content hash
--   computed in place rather than through a call.

-- The URL rule of private.is_web_url, ^https?://[^[:space:]/?#]+[^[:space:]]*$
-- and at most 2,048 characters, read as: an http:// or https:// prefix, a
-- first character after it that is there and is no /, ? or #, and no white
-- space anywhere. Only the white space needs a regular expression, and a
-- search for one character class costs a third of the whole expression.
--
-- The tag rule of private.tags_valid: at most 20 tags, none null, each of
-- 1 to 50 characters. When the tags hold 50 bytes or fewer together, none
-- can be longer than 50 characters, and only then is the regular expression
-- (a character count in jsonpath) skipped. array_position refuses arrays of
-- more than one dimension, as tags_valid did.
--
-- Lengths in characters: text of no more bytes than the limit has no more
-- characters either, so characters are counted only for longer text.
alter table public.clips
  drop constraint clips_source_url_check,
  drop constraint clips_canonical_url_check,
  drop constraint clips_tags_check,
  drop constraint clips_title_check,
  drop constraint clips_site_check,
  drop constraint clips_quote_check,
  drop constraint clips_byline_check,
  drop constraint clips_excerpt_check,
  drop constraint clips_note_check,
  add constraint clips_source_url_check check (
    (source_url like 'http://%' or source_url like 'https://%')
    and substr(source_url, 8 + (source_url like 'https%')::integer, 1)
      not in ('', '/', '?', '#')
    and source_url !~ '[[:space:]]'
    and (octet_length(source_url) <= 2048
      or char_length(source_url) <= 2048)),
  add constraint clips_canonical_url_check check (
    (canonical_url like 'http://%' or canonical_url like 'https://%')
    and substr(canonical_url, 8 + (canonical_url like 'https%')::integer, 1)
      not in ('', '/', '?', '#')
    and canonical_url !~ '[[:space:]]'
    and (octet_length(canonical_url) <= 2048
      or char_length(canonical_url) <= 2048)),
  add constraint clips_tags_check check (
    cardinality(tags) <= 20
    and array_position(tags, null) is null
    and array_position(tags, '') is null
    and (octet_length(array_to_string(tags, '')) <= 50
      or not jsonb_path_exists(to_jsonb(tags),
        '$[*] ? (@ like_regex "^.{51}" flag "s")'))),
  add constraint clips_title_check check (
    octet_length(title) <= 1000 or char_length(title) <= 1000),
  add constraint clips_site_check check (
    octet_length(site) <= 255 or char_length(site) <= 255),
  add constraint clips_quote_check check (
    octet_length(quote) <= 100000 or char_length(quote) <= 100000),
  add constraint clips_byline_check check (
    octet_length(byline) <= 1000 or char_length(byline) <= 1000),
  add constraint clips_excerpt_check check (
    octet_length(excerpt) <= 5000 or char_length(excerpt) <= 5000),
  add constraint clips_note_check check (
    octet_length(note) <= 20000 or char_length(note) <= 20000);

-- A person's team, read once per insert statement rather than once per
-- clip: a run of 500 new clips read the author's profile 500 times, the
-- largest part of the insert trigger. Kept as "<profile id> <team id>" in
-- a setting of the transaction, which every insert into clips sets anew
-- before its first row, so no value outlives the statement it was read
-- for, whatever was set before. Callers cannot set it, as they cannot set
-- request.jwt.claims, which auth.uid() trusts the same way.
create function private.remember_writer_team() returns trigger
language plpgsql set search_path = ''
as $$
declare
  writer text := '';
begin
  if current_user = 'authenticated' then
    select p.id::text || ' ' || coalesce(p.team_id::text, '')
    into writer
    from public.profiles p where p.id = auth.uid();
  end if;

  perform set_config('peerclip.writer_team', coalesce(writer, ''), true);
  return null;
end;
$$;

-- What a new clip is whoever writes it: version 1, the hash of its text
-- (as private.content_hash computes it), and the time. A person's clip
-- starts as a draft in the author's current team, with nothing of the
-- life it has not had yet; trusted code (seed.sql, service tasks) may
-- bring its own times, team and state.
create function private.prepare_new_clip() returns trigger
language plpgsql set search_path = ''
as $$
declare
  writer text;
begin
  new.content_hash := encode(sha256(convert_to(new.quote, 'UTF8')
    || '\x00'::bytea || convert_to(new.note, 'UTF8')), 'hex');
  new.version := 1;
  new.updated_at := now();

  if current_user = 'authenticated' then
    if new.state <> 'draft' then
      raise exception 'a new clip starts as a draft' using errcode = '23514';
    end if;
    writer := current_setting('peerclip.writer_team', true);
    if left(writer, 36) = new.author_id::text then
      new.team_id := nullif(substr(writer, 38), '')::uuid;
    else
      new.team_id := (
        select p.team_id from public.profiles p where p.id = new.author_id);
    end if;
    new.created_at := now();
    new.deleted_at := null;
    new.checklist_version := null;
    new.submitted_at := null;
    new.published_at := null;
    new.source_changed_at := null;
    return new;
  end if;

  new.created_at := coalesce(new.created_at, now());
  if new.team_id is null then
    new.team_id := (
      select p.team_id from public.profiles p where p.id = new.author_id);
  end if;
  if new.state = 'in_review' and new.submitted_at is null then
    new.submitted_at := now();
  end if;
  if new.state = 'published' and new.published_at is null then
    new.published_at := now();
  end if;
  return new;
end;
$$;

revoke all on function private.remember_writer_team() from public;
revoke all on function private.prepare_new_clip() from public;

-- prepare_clip keeps updates (20261203152000_source_checks.sql); its
-- branches for an insert are no longer reached.
drop trigger prepare_clip on public.clips;

create trigger prepare_clip
  before update on public.clips
  for each row execute function private.prepare_clip();

create trigger remember_writer_team
  before insert on public.clips
  for each statement execute function private.remember_writer_team();

create trigger prepare_new_clip
  before insert on public.clips
  for each row execute function private.prepare_new_clip();
