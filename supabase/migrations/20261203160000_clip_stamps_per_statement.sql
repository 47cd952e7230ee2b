-- New clips reach the change feed one statement at a time. The feed's row
-- trigger on clips ran once per new clip at commit: for a first sync of
-- 1,000 drafts, 1,000 calls, about a fifth of the push's time
-- (bench/sync-push-profile.mjs). Now an insert into clips, of one clip or
-- of a run of hundreds, leaves one stamp request: the ids of the clips it
-- wrote, gathered by a statement trigger from the rows it inserted. The
-- request's own deferred constraint trigger fires once at commit and, under
-- the change lock, gives every one of those clips its number with one
-- insert, then deletes the request. Edits and deletions keep the row
-- trigger (20261203152000_source_checks.sql).
--
-- What stays as it was (20261203140600_change_feed.sql):
-- - numbers are still drawn at commit, under the one advisory lock, so a
--   pull never skips a late commit;
-- - every insert is stamped, whoever writes it and however: nothing a
--   caller sets or sends chooses whether a clip is stamped, and the
--   recipients come from the clips themselves (the author; for a clip in
--   review also its reviewers);
-- - a failed insert leaves nothing: the request is written in the insert's
--   own (sub-)transaction, and a rollback takes it and its pending trigger
--   away together.
-- A request names clips by id and reads them at commit; a later edit of one
-- of them in the same transaction is stamped by its own trigger, which
-- names the old and the new recipients, so together they reach everyone
-- the row trigger reached.
--
-- Why a statement trigger rather than a setting that switches the row
-- trigger off around push_changes' insert: there is then no switch, for a
-- caller to set or for a failed insert to leave on. An insert of a single
-- clip (the per-change path) pays for one request row more than before.

create table private.clip_stamp_requests (
  id bigint generated always as identity primary key,
  -- In the order the statement wrote them; their numbers follow it.
  clip_ids uuid[] not null,
  -- Those of them written straight into review.
  in_review_ids uuid[] not null
);

alter table private.clip_stamp_requests enable row level security;
revoke all on private.clip_stamp_requests from public, anon, authenticated;

-- Security definer (as the feed's other triggers): the requests table is
-- nobody's but the feed's.
create function private.request_clip_stamps() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into private.clip_stamp_requests (clip_ids, in_review_ids)
  select array_agg(n.id),
    coalesce(array_agg(n.id) filter (where n.state = 'in_review'), '{}')
  from new_clips n
  having count(*) > 0;
  return null;
end;
$$;

create function private.stamp_new_clips() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(private.change_lock_key());

  -- Each clip reaches its author; a clip deleted meanwhile needs no
  -- number.
  insert into private.sync_feed as f (profile_id, entity, entity_id, seq)
  select c.author_id, 'clip', c.id, nextval('private.change_seq')
  from unnest(new.clip_ids) with ordinality n(id, position)
  join public.clips c on c.id = n.id
  order by n.position
  on conflict on constraint sync_feed_pkey
  do update set seq = excluded.seq;

  -- A clip written straight into review (trusted code only) reaches its
  -- reviewers too, while it is in review at commit; if it left review
  -- meanwhile, the edit that took it out told them.
  perform private.stamp_change('clip', c.id, array(select
    private.clip_reviewers(c.author_id, c.team_id, c.topic_id)))
  from unnest(new.in_review_ids) n(id)
  join public.clips c on c.id = n.id and c.state = 'in_review';

  delete from private.clip_stamp_requests s where s.id = new.id;
  return null;
end;
$$;

-- The row trigger, now for edits and deletions only: the short way it had
-- for a new clip goes (20261203150000_push_clip_creates.sql).
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

revoke all on function private.request_clip_stamps() from public;
revoke all on function private.stamp_new_clips() from public;

drop trigger record_change on public.clips;

create constraint trigger record_change
  after update or delete on public.clips
  deferrable initially deferred
  for each row execute function private.record_clip_change();

create trigger record_new_clips
  after insert on public.clips
  referencing new table as new_clips
  for each statement execute function private.request_clip_stamps();

create constraint trigger stamp_clips
  after insert on private.clip_stamp_requests
  deferrable initially deferred
  for each row execute function private.stamp_new_clips();
