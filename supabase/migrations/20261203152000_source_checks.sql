-- Source checks: a reader's browser tells the workspace whether a published
-- clip's quote is still on its source page, and every reader sees "Source
-- changed" when it is not.
--
-- The mark is a fact about the page, not an edit of the clip: setting it
-- bumps no version, keeps the content hash (so no endorsement lapses) and
-- reaches nobody's change feed. The clip triggers below are those of
-- 20261203140300_clip_rules.sql and 20261203150000_push_clip_creates.sql,
-- each with one early exit for an update that changes the mark alone.

alter table public.clips add column source_changed_at timestamptz;

-- True when an update of a clip changed its source mark and nothing else.
-- Compared as JSON without the generated column, which a before trigger
-- cannot read; the triggers call this only when the mark did change.
create function private.only_source_mark_changed(
  old_clip public.clips,
  new_clip public.clips
) returns boolean
language plpgsql immutable set search_path = ''
as $$
begin
  return (to_jsonb(old_clip) - 'source_changed_at' - 'published_day')
    = (to_jsonb(new_clip) - 'source_changed_at' - 'published_day');
end;
$$;

revoke all on function private.only_source_mark_changed(
  public.clips, public.clips) from public;
grant execute on function private.only_source_mark_changed(
  public.clips, public.clips) to authenticated, service_role;

create or replace function private.prepare_clip() returns trigger
language plpgsql set search_path = ''
as $$
declare
  person boolean := current_user = 'authenticated';
begin
  -- People never set the mark themselves: report_source_check does.
  if person then
    new.source_changed_at := case when tg_op = 'UPDATE'
      then old.source_changed_at end;
  elsif tg_op = 'UPDATE'
    and new.source_changed_at is distinct from old.source_changed_at
    and private.only_source_mark_changed(old, new) then
    return new;
  end if;

  new.content_hash := private.content_hash(new.quote, new.note);
  new.updated_at := now();

  if tg_op = 'INSERT' then
    if person and new.state <> 'draft' then
      raise exception 'a new clip starts as a draft' using errcode = '23514';
    end if;
    new.version := 1;
    new.created_at := case when person then now()
      else coalesce(new.created_at, now()) end;
    if person or new.team_id is null then
      new.team_id := (
        select p.team_id from public.profiles p where p.id = new.author_id);
    end if;
    if person then
      new.deleted_at := null;
      new.checklist_version := null;
      new.submitted_at := null;
      new.published_at := null;
    end if;
  else
    new.version := old.version + 1;
    if person then
      perform private.check_clip_update(old, new);
      new.deleted_at := case when new.deleted_at is not null then now() end;
      if not (old.state = 'draft' and new.state in ('in_review', 'published'))
      then
        new.checklist_version := old.checklist_version;
      end if;
      new.submitted_at := old.submitted_at;
      new.published_at := old.published_at;
    end if;
  end if;

  if new.state = 'in_review'
    and (tg_op = 'INSERT' or old.state <> 'in_review')
    and (person or new.submitted_at is null) then
    new.submitted_at := now();
  end if;
  if new.state = 'published'
    and (tg_op = 'INSERT' or old.state <> 'published')
    and (person or new.published_at is null) then
    new.published_at := now();
  end if;
  return new;
end;
$$;

create or replace function private.record_clip_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clip public.clips := coalesce(new, old);
  recipients uuid[] := array[clip.author_id];
begin
  -- Nobody keeps the mark offline; the feed and the detail send it.
  if tg_op = 'UPDATE'
    and new.source_changed_at is distinct from old.source_changed_at
    and private.only_source_mark_changed(old, new) then
    return null;
  end if;

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

-- report_source_check(clip_id, found) -------------------------------------------

-- Security definer: the reader is not the clip's author, whom the update
-- policy alone lets write. report_source_check has checked the caller
-- first. The first time the quote went missing is kept; a found quote
-- clears it. Nothing is written when nothing changes.
create function private.mark_source(clip_id uuid, quote_found boolean)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  update public.clips c
  set source_changed_at = case when quote_found then null else now() end
  where c.id = mark_source.clip_id
    and c.state = 'published' and c.deleted_at is null
    and (c.source_changed_at is null) <> quote_found;
end;
$$;

revoke all on function private.mark_source(uuid, boolean) from public;
grant execute on function private.mark_source(uuid, boolean)
  to authenticated, service_role;

-- Any active member tells whether a published clip they can read still
-- has its quote on its source page. Visibility is checked as the caller,
-- under the clips' policies, so a draft or a clip of another team answers
-- as not found.
create function public.report_source_check(clip_id uuid, found boolean)
returns void
language plpgsql security invoker set search_path = ''
as $$
declare
  -- PL/pgSQL's own FOUND hides a parameter of that name, even qualified.
  quote_found alias for $2;
begin
  if quote_found is null then
    raise exception 'found must be true or false' using errcode = '22023';
  end if;
  if not private.is_member() then
    raise exception 'only active members report source checks'
      using errcode = '42501';
  end if;
  if not exists (select 1 from public.clips c
      where c.id = report_source_check.clip_id
        and c.state = 'published' and c.deleted_at is null) then
    raise exception 'no published clip with this id is shared with you'
      using errcode = 'P0002';
  end if;

  perform private.mark_source(clip_id, quote_found);
end;
$$;

revoke all on function public.report_source_check(uuid, boolean)
  from public, anon;
grant execute on function public.report_source_check(uuid, boolean)
  to authenticated, service_role;

-- clip_detail's clip gains the mark ----------------------------------------------

create or replace function private.detail_clip(clip public.clips)
returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'id', clip.id, 'author_id', clip.author_id,
    'author_name', a.display_name, 'author_team_name', tm.name,
    'title', clip.title, 'site', clip.site, 'source_url', clip.source_url,
    'canonical_url', clip.canonical_url, 'quote', clip.quote,
    'quote_truncated', clip.quote_truncated, 'snippet', clip.snippet,
    'note', clip.note, 'tags', to_jsonb(clip.tags),
    'topic_id', clip.topic_id, 'topic_name', tp.name,
    'topic_regulated', coalesce(tp.regulated, false),
    'state', clip.state, 'visibility', clip.visibility,
    'version', clip.version, 'content_hash', clip.content_hash,
    'published_at', clip.published_at, 'submitted_at', clip.submitted_at,
    'updated_at', clip.updated_at,
    'source_changed_at', clip.source_changed_at)
  from (select 1) one
  left join public.profiles a on a.id = clip.author_id
  left join public.teams tm on tm.id = a.team_id
  left join public.topics tp on tp.id = clip.topic_id
$$;

-- feed_page ------------------------------------------------------------------

-- What the popup looks for on the page: the clip's TextQuoteSelector, its
-- exact text cut at 1,000 characters (the suffix then no longer follows
-- it, so it is left empty) and its context at 256, as the
-- `check-page-quotes` request takes them. Null without a quote selector.
create function private.feed_quote_selector(selectors jsonb) returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  quote jsonb;
begin
  select s into quote
  from jsonb_array_elements(case when jsonb_typeof(selectors) = 'array'
    then selectors else '[]' end) s
  where s ->> 'type' = 'TextQuoteSelector'
    and jsonb_typeof(s -> 'exact') = 'string' and s ->> 'exact' <> ''
  limit 1;
  if quote is null then
    return null;
  end if;

  return jsonb_build_object(
    'exact', left(quote ->> 'exact', 1000),
    'prefix', right(coalesce(quote ->> 'prefix', ''), 256),
    'suffix', case when char_length(quote ->> 'exact') > 1000 then ''
      else left(coalesce(quote ->> 'suffix', ''), 256) end);
end;
$$;

revoke all on function private.feed_quote_selector(jsonb) from public;
grant execute on function private.feed_quote_selector(jsonb)
  to authenticated, service_role;

-- Items gain `source_changed`, and with the `page` scope the clip's quote
-- selector for the popup's check. Otherwise as in
-- 20261203151200_feed_page_peer_fields.sql.
create or replace function public.feed_page(
  scope text,
  target text default null,
  cursor text default null,
  max integer default 20
) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  page_size integer := least(greatest(coalesce(max, 20), 1), 100);
  key jsonb := case when cursor is not null
    then private.decode_feed_cursor(cursor) end;
  items jsonb;
  last_key jsonb;
begin
  if scope is null or scope not in
    ('following', 'team', 'everyone', 'site', 'page') then
    raise exception 'scope must be following, team, everyone, site or page'
      using errcode = '22023';
  end if;
  if scope in ('site', 'page') and coalesce(target, '') = '' then
    raise exception 'scope % needs a target', scope using errcode = '22023';
  end if;

  execute format($query$
    with ranked as (
      -- The same test as private.clip_trusted, written out so that the
      -- planner runs it inside this query instead of as a function call.
      select c.*, exists (select 1 from public.endorsements e
          where e.clip_id = c.id and e.kind = 'official'
            and e.withdrawn_at is null and e.content_hash = c.content_hash
            and e.expires_at > now()) trusted,
        (c.team_id = (select private.my_team())
          or c.author_id in (select f.followed_profile_id
            from public.follows f where f.follower_id = (select auth.uid()))
          or c.topic_id in (select f.followed_topic_id
            from public.follows f where f.follower_id = (select auth.uid()))
        ) is true in_network
      from public.clips c
      where c.state = 'published' and c.deleted_at is null and %s
        and ($2::date is null or c.published_day <= $2::date)
    ), page as (
      select * from ranked r
      where $2::date is null or (r.published_day, r.trusted, r.in_network,
        r.published_at, r.id) < ($2::date, $3::boolean, $4::boolean,
        $5::timestamptz, $6::uuid)
      order by r.published_day desc, r.trusted desc, r.in_network desc,
        r.published_at desc, r.id desc
      limit $7
    )
    select jsonb_agg(jsonb_build_object(
        'id', p.id, 'author_id', p.author_id,
        'author_name', a.display_name, 'title', p.title, 'site', p.site,
        'source_url', p.source_url, 'canonical_url', p.canonical_url,
        'quote', left(p.quote, 1000),
        'quote_is_excerpt', char_length(p.quote) > 1000,
        'note', p.note, 'tags', p.tags, 'topic_id', p.topic_id,
        'topic_name', t.name, 'visibility', p.visibility,
        'published_at', p.published_at, 'version', p.version,
        'in_network', p.in_network,
        'trust', case when p.trusted then 'trusted'
          when t.regulated then 'awaiting_endorsement' else 'none' end,
        'comment_count', (select count(*) from public.comments m
          where m.clip_id = p.id and m.deleted_at is null),
        'peer_endorsement_count', en.peer,
        'author_team_name', tm.name,
        'official_endorsement_count', en.official,
        'my_endorsement', en.mine,
        'can_endorse_officially', coalesce(t.regulated, false)
          and p.topic_id in (select private.my_regulated_topics()),
        'source_changed', p.source_changed_at is not null,
        'quote_selector', case when $8
          then private.feed_quote_selector(p.selectors) end)
        order by p.published_day desc, p.trusted desc, p.in_network desc,
          p.published_at desc, p.id desc),
      (array_agg(jsonb_build_array(p.published_day, p.trusted, p.in_network,
        p.published_at, p.id) order by p.published_day, p.trusted,
        p.in_network, p.published_at, p.id))[1]
    from page p
    left join public.profiles a on a.id = p.author_id
    left join public.teams tm on tm.id = a.team_id
    -- One pass over the clip's active endorsements gives the three figures.
    left join lateral (
      select count(*) filter (where e.kind = 'peer') peer,
        count(*) filter (where e.kind = 'official') official,
        (array_agg(jsonb_build_object('id', e.id, 'kind', e.kind)
          order by e.created_at desc)
          filter (where e.endorser_id = (select auth.uid())))[1] mine
      from public.endorsements e
      where e.clip_id = p.id and e.withdrawn_at is null
        and e.content_hash = p.content_hash
        and (e.expires_at is null or e.expires_at > now())
    ) en on true
    left join public.topics t on t.id = p.topic_id
  $query$, private.feed_scope_filter(scope))
  into items, last_key
  using target, key ->> 0, key ->> 1, key ->> 2, key ->> 3, key ->> 4,
    page_size, scope = 'page';

  return jsonb_build_object(
    'items', coalesce(items, '[]'),
    'cursor', case when jsonb_array_length(coalesce(items, '[]')) = page_size
      then translate(encode(convert_to(last_key::text, 'UTF8'), 'base64'),
        E'\n', '') end);
end;
$$;

revoke all on function public.feed_page(text, text, text, integer)
  from public, anon;
grant execute on function public.feed_page(text, text, text, integer)
  to authenticated, service_role;
