-- feed_page items gain what a card and the popup's Endorse button need:
-- the author's team, the number of valid official endorsements, the
-- caller's own active endorsement ({id, kind} or null) and whether the
-- caller endorses the clip's regulated topic. Ranking, cursor and scopes
-- are those of 20261203141100_feed_page.sql; the new fields are read only
-- for the page's items, in one pass over each item's endorsements (by the
-- clip_id index), so a page still costs the same on any number of clips.

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
          and p.topic_id in (select private.my_regulated_topics()))
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
    page_size;

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
