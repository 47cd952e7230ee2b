-- Reading and discussing: one clip in detail, and the clips waiting for the
-- caller's review. Both run as the caller, under row level security, and
-- answer JSON shaped as utils/remote/peer-wire.ts (ClipDetail,
-- ReviewQueueItem).

-- How an endorsement stands against the clip's current text. A withdrawn
-- one says so first; an edit of the clip (a new content hash) lapses it
-- before its expiry date would.
create function private.endorsement_status(
  endorsement public.endorsements,
  clip_hash text
) returns text
language sql stable set search_path = ''
as $$
  select case
    when endorsement.withdrawn_at is not null then 'withdrawn'
    when endorsement.content_hash <> clip_hash then 'lapsed'
    when endorsement.expires_at <= now() then 'expired'
    else 'active'
  end
$$;

revoke all on function
  private.endorsement_status(public.endorsements, text) from public;
grant execute on function
  private.endorsement_status(public.endorsements, text)
  to authenticated, service_role;

-- The deleted comments of a clip, without their body. Security definer:
-- the comments policy hides someone else's deleted comment, yet its
-- replies still hang on it, so the thread keeps its place. Nothing of what
-- was written leaves this function; clip_detail calls it only once the
-- caller has read the clip.
create function private.deleted_comments(clip_id uuid)
returns table (
  id uuid,
  parent_id uuid,
  author_id uuid,
  version integer,
  created_at timestamptz,
  updated_at timestamptz
)
language sql stable security definer set search_path = ''
as $$
  select m.id, m.parent_id, m.author_id, m.version, m.created_at,
    m.updated_at
  from public.comments m
  where m.clip_id = deleted_comments.clip_id and m.deleted_at is not null
    and private.is_member()
$$;

revoke all on function private.deleted_comments(uuid) from public;
grant execute on function private.deleted_comments(uuid)
  to authenticated, service_role;

-- The thread of a clip, oldest first: comments the caller reads, and the
-- places of deleted ones with an empty body.
create function private.detail_comments(clip_id uuid) returns jsonb
language sql stable set search_path = ''
as $$
  with thread as (
    select m.id, m.parent_id, m.author_id, m.body, m.version, m.created_at,
      m.updated_at, false deleted
    from public.comments m
    where m.clip_id = detail_comments.clip_id and m.deleted_at is null
    union all
    select d.id, d.parent_id, d.author_id, '', d.version, d.created_at,
      d.updated_at, true
    from private.deleted_comments(detail_comments.clip_id) d
  )
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', t.id, 'parent_id', t.parent_id, 'author_id', t.author_id,
      'author_name', p.display_name, 'body', t.body, 'version', t.version,
      'created_at', t.created_at, 'updated_at', t.updated_at,
      'deleted', t.deleted)
    order by t.created_at, t.id), '[]')
  from thread t
  left join public.profiles p on p.id = t.author_id
$$;

-- Every endorsement of the clip, newest first, with its status.
create function private.detail_endorsements(clip public.clips) returns jsonb
language sql stable set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', e.id, 'endorser_id', e.endorser_id,
      'endorser_name', p.display_name, 'kind', e.kind,
      'created_at', e.created_at, 'expires_at', e.expires_at,
      'withdrawn_at', e.withdrawn_at,
      'status', private.endorsement_status(e, clip.content_hash))
    order by e.created_at desc, e.id desc), '[]')
  from public.endorsements e
  left join public.profiles p on p.id = e.endorser_id
  where e.clip_id = clip.id
$$;

-- The reviews the caller may read (the author and the reviewers), newest
-- first; `current` while the clip still holds the reviewed text.
create function private.detail_reviews(clip public.clips) returns jsonb
language sql stable set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', r.id, 'reviewer_id', r.reviewer_id,
      'reviewer_name', p.display_name, 'verdict', r.verdict,
      'helps', r.helps, 'improve', r.improve,
      'accuracy_concern', r.accuracy_concern, 'created_at', r.created_at,
      'current', r.content_hash = clip.content_hash)
    order by r.created_at desc, r.id desc), '[]')
  from public.reviews r
  left join public.profiles p on p.id = r.reviewer_id
  where r.clip_id = clip.id
$$;

-- The clip itself, with the names the caller may read.
create function private.detail_clip(clip public.clips) returns jsonb
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
    'updated_at', clip.updated_at)
  from (select 1) one
  left join public.profiles a on a.id = clip.author_id
  left join public.teams tm on tm.id = a.team_id
  left join public.topics tp on tp.id = clip.topic_id
$$;

revoke all on function private.detail_comments(uuid) from public;
revoke all on function private.detail_endorsements(public.clips) from public;
revoke all on function private.detail_reviews(public.clips) from public;
revoke all on function private.detail_clip(public.clips) from public;
grant execute on function private.detail_comments(uuid)
  to authenticated, service_role;
grant execute on function private.detail_endorsements(public.clips)
  to authenticated, service_role;
grant execute on function private.detail_reviews(public.clips)
  to authenticated, service_role;
grant execute on function private.detail_clip(public.clips)
  to authenticated, service_role;

-- clip_detail(clip_id) --------------------------------------------------------

create function public.clip_detail(clip_id uuid) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  me uuid := auth.uid();
  clip public.clips;
  regulated boolean;
begin
  select * into clip from public.clips c
  where c.id = clip_detail.clip_id and c.deleted_at is null;
  if clip.id is null then
    raise exception 'this clip does not exist or is not shared with you'
      using errcode = 'P0002';
  end if;
  select coalesce(t.regulated, false) into regulated
  from public.topics t where t.id = clip.topic_id;

  return jsonb_build_object(
    'clip', private.detail_clip(clip),
    'comments', private.detail_comments(clip.id),
    'endorsements', private.detail_endorsements(clip),
    'reviews', private.detail_reviews(clip),
    'trust', case
      when private.clip_trusted(clip.id, clip.content_hash) then 'trusted'
      when regulated then 'awaiting_endorsement'
      else 'none' end,
    'following_author', exists (select 1 from public.follows f
      where f.follower_id = me and f.followed_profile_id = clip.author_id),
    'following_topic', exists (select 1 from public.follows f
      where f.follower_id = me and f.followed_topic_id = clip.topic_id),
    'can_endorse_officially', coalesce(regulated, false) and exists (
      select 1 from public.topic_endorsers e
      where e.topic_id = clip.topic_id and e.profile_id = me));
end;
$$;

revoke all on function public.clip_detail(uuid) from public, anon;
grant execute on function public.clip_detail(uuid)
  to authenticated, service_role;

-- review_queue() --------------------------------------------------------------

-- The in-review clips the caller reviews (private.clip_reviewers: the
-- author's teammates, and for a regulated topic its endorsers), oldest
-- submission first, with the caller's verdict on the text as it stands
-- since it was last sent for review.
create function public.review_queue() returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', c.id, 'author_id', c.author_id, 'author_name', a.display_name,
      'author_team_name', tm.name, 'title', c.title, 'site', c.site,
      'source_url', c.source_url, 'quote', c.quote, 'note', c.note,
      'tags', to_jsonb(c.tags), 'topic_id', c.topic_id,
      'topic_name', tp.name, 'topic_regulated', coalesce(tp.regulated, false),
      'submitted_at', c.submitted_at, 'version', c.version,
      'my_verdict', (select r.verdict from public.reviews r
        where r.clip_id = c.id and r.reviewer_id = (select auth.uid())
          and r.content_hash = c.content_hash
          and r.created_at >= coalesce(c.submitted_at, '-infinity')
        order by r.created_at desc limit 1))
    order by c.submitted_at, c.id), '[]')
  from public.clips c
  left join public.profiles a on a.id = c.author_id
  left join public.teams tm on tm.id = a.team_id
  left join public.topics tp on tp.id = c.topic_id
  where c.state = 'in_review' and c.deleted_at is null
    and c.author_id <> (select auth.uid())
    and (select auth.uid()) in (
      select private.clip_reviewers(c.author_id, c.team_id, c.topic_id))
$$;

revoke all on function public.review_queue() from public, anon;
grant execute on function public.review_queue()
  to authenticated, service_role;
