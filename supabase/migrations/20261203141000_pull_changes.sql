-- pull_changes: what the caller keeps that changed after a cursor, in change
-- order, tombstones included. The wire format is in SYNC-PROTOCOL.md.
--
-- The caller keeps: their own clips and what hangs on them (comments,
-- endorsements, reviews), the clips waiting for their review, and their own
-- comments, endorsements and reviews. A row in their feed that they no
-- longer keep (deleted, sent back to draft, out of their reach) is sent as
-- a tombstone. Everything is read under row level security.

create function private.kept_clip(clip_id uuid) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select to_jsonb(c) - 'published_day'
  from public.clips c
  where c.id = clip_id and c.deleted_at is null
    and (c.author_id = auth.uid() or c.state = 'in_review')
$$;

create function private.kept_comment(comment_id uuid) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select to_jsonb(m)
  from public.comments m
  left join public.clips c on c.id = m.clip_id
  where m.id = comment_id and m.deleted_at is null
    and (m.author_id = auth.uid()
      or (c.author_id = auth.uid() and c.deleted_at is null))
$$;

create function private.kept_endorsement(endorsement_id uuid) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select to_jsonb(e) || jsonb_build_object('active',
    c.id is not null and private.endorsement_active(e, c.content_hash))
  from public.endorsements e
  left join public.clips c on c.id = e.clip_id
  where e.id = endorsement_id
    and (e.endorser_id = auth.uid()
      or (c.author_id = auth.uid() and c.deleted_at is null))
$$;

create function private.kept_review(review_id uuid) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select to_jsonb(r)
  from public.reviews r
  left join public.clips c on c.id = r.clip_id
  where r.id = review_id
    and (r.reviewer_id = auth.uid()
      or (c.author_id = auth.uid() and c.deleted_at is null))
$$;

create function public.pull_changes(since bigint default 0, max integer default 500)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  page_size integer := least(greatest(coalesce(max, 500), 1), 1000);
  changes jsonb;
  last_seq bigint;
  more boolean;
begin
  if auth.uid() is null then
    raise exception 'sign in to pull changes' using errcode = '42501';
  end if;

  with page as (
    select f.entity, f.entity_id, f.seq
    from private.sync_feed f
    where f.profile_id = (select auth.uid()) and f.seq > coalesce(since, 0)
    order by f.seq
    limit page_size + 1
  ), kept as (
    select p.seq, p.entity, p.entity_id, case p.entity
        when 'clip' then private.kept_clip(p.entity_id)
        when 'comment' then private.kept_comment(p.entity_id)
        when 'endorsement' then private.kept_endorsement(p.entity_id)
        when 'review' then private.kept_review(p.entity_id)
      end as record
    from page p
    order by p.seq
    limit page_size
  )
  select
    coalesce(jsonb_agg(jsonb_build_object(
      'seq', k.seq, 'entity', k.entity, 'id', k.entity_id,
      'deleted', k.record is null, 'record', k.record) order by k.seq), '[]'),
    max(k.seq)
  into changes, last_seq
  from kept k;

  select count(*) > page_size into more
  from (
    select 1 from private.sync_feed f
    where f.profile_id = (select auth.uid()) and f.seq > coalesce(since, 0)
    limit page_size + 1
  ) n;

  return jsonb_build_object(
    'changes', changes,
    'cursor', coalesce(last_seq, since, 0),
    'has_more', more);
end;
$$;

revoke all on function public.pull_changes(bigint, integer) from public, anon;
grant execute on function public.pull_changes(bigint, integer)
  to authenticated, service_role;
