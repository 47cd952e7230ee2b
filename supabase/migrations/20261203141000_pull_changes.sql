-- pull_changes: what the caller keeps that changed after a cursor, in change
-- order, tombstones included. The wire format is in SYNC-PROTOCOL.md.
--
-- The caller keeps: their own clips and what hangs on them (comments,
-- endorsements, reviews), the clips waiting for their review, and their own
-- comments, endorsements and reviews. A row in their feed that they no
-- longer keep (deleted, sent back to draft, out of their reach) is sent as
-- a tombstone. Everything is read under row level security.

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
    -- One statement for the whole page, so the policies' per-statement
    -- parts (who the caller is, their team) are evaluated once.
    select p.seq, p.entity, p.entity_id, case p.entity
        when 'clip' then case
          when c.deleted_at is null
            and (c.author_id = (select auth.uid()) or c.state = 'in_review')
          then to_jsonb(c) - 'published_day' end
        when 'comment' then case
          when m.deleted_at is null and (m.author_id = (select auth.uid())
            or (mc.author_id = (select auth.uid()) and mc.deleted_at is null))
          then to_jsonb(m) end
        when 'endorsement' then case
          when e.endorser_id = (select auth.uid())
            or (ec.author_id = (select auth.uid()) and ec.deleted_at is null)
          then to_jsonb(e) || jsonb_build_object('active', ec.id is not null
            and private.endorsement_active(e, ec.content_hash)) end
        when 'review' then case
          when r.reviewer_id = (select auth.uid())
            or (rc.author_id = (select auth.uid()) and rc.deleted_at is null)
          then to_jsonb(r) end
      end as record
    from page p
    left join public.clips c on p.entity = 'clip' and c.id = p.entity_id
    left join public.comments m
      on p.entity = 'comment' and m.id = p.entity_id
    left join public.clips mc on mc.id = m.clip_id
    left join public.endorsements e
      on p.entity = 'endorsement' and e.id = p.entity_id
    left join public.clips ec on ec.id = e.clip_id
    left join public.reviews r on p.entity = 'review' and r.id = p.entity_id
    left join public.clips rc on rc.id = r.clip_id
    order by p.seq
    limit page_size
  )
  select
    coalesce(jsonb_agg(jsonb_build_object(
      'seq', k.seq, 'entity', k.entity, 'id', k.entity_id,
      'deleted', k.record is null, 'record', k.record) order by k.seq), '[]'),
    max(k.seq),
    (select count(*) from page) > page_size
  into changes, last_seq, more
  from kept k;

  return jsonb_build_object(
    'changes', changes,
    'cursor', coalesce(last_seq, since, 0),
    'has_more', more);
end;
$$;

revoke all on function public.pull_changes(bigint, integer) from public, anon;
grant execute on function public.pull_changes(bigint, integer)
  to authenticated, service_role;
