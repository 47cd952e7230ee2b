-- The change feed that pull_changes reads. See SYNC-PROTOCOL.md.
--
-- One sequence numbers every change of every synced table (clips,
-- comments, endorsements, reviews). Each change is written to the feed of
-- every person who keeps the row before or after it, so a row that leaves
-- what someone keeps still reaches them, as a tombstone.
--
-- Numbers are handed out at commit, under one transaction-level lock, by
-- deferred constraint triggers: the transaction that takes number n holds
-- the lock until it has committed, so no transaction can commit a number
-- below one that a reader has already seen. A pull can therefore read up
-- to the highest number it sees without skipping a late commit.

create sequence private.change_seq;

create table private.sync_feed (
  profile_id uuid not null references public.profiles (id) on delete cascade,
  entity text not null
    check (entity in ('clip', 'comment', 'endorsement', 'review')),
  entity_id uuid not null,
  seq bigint not null,
  primary key (profile_id, entity, entity_id)
);

create index sync_feed_profile_seq_idx on private.sync_feed (profile_id, seq);

alter table private.sync_feed enable row level security;
create policy "people read their own feed" on private.sync_feed
  for select to authenticated using (profile_id = (select auth.uid()));
revoke all on private.sync_feed from public, anon, authenticated;
grant select on private.sync_feed to authenticated;

-- The key of the lock that orders commits of synced changes.
create function private.change_lock_key() returns bigint
language sql immutable set search_path = ''
as $$ select 7038291457120113 $$;

-- Security definer: the feed is written for other people than the writer.
create function private.stamp_change(
  changed_entity text,
  changed_id uuid,
  recipients uuid[]
) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  next_seq bigint;
begin
  perform pg_advisory_xact_lock(private.change_lock_key());
  next_seq := nextval('private.change_seq');

  insert into private.sync_feed as f (profile_id, entity, entity_id, seq)
  select distinct r, changed_entity, changed_id, next_seq
  from unnest(recipients) r
  join public.profiles p on p.id = r
  on conflict on constraint sync_feed_pkey
  do update set seq = excluded.seq;
end;
$$;

-- Re-sends rows to one person whose reach changed (a new team, a topic
-- endorser named or removed), each under a number of its own.
create function private.stamp_for_person(
  profile_id uuid,
  entity text,
  entity_ids uuid[]
) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  entity_id uuid;
begin
  foreach entity_id in array coalesce(entity_ids, '{}') loop
    perform private.stamp_change(entity, entity_id, array[profile_id]);
  end loop;
end;
$$;

revoke all on function private.stamp_change(text, uuid, uuid[]) from public;
revoke all on function private.stamp_for_person(uuid, text, uuid[])
  from public;

-- Synced rows ------------------------------------------------------------------

-- Security definer (as all the feed triggers): reviewers are found among
-- profiles the writer may not see.
create function private.record_clip_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clip public.clips := coalesce(new, old);
  recipients uuid[] := array[clip.author_id];
begin
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

create function private.record_attachment_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  attachment jsonb := to_jsonb(coalesce(new, old));
  clip_id uuid := (attachment ->> 'clip_id')::uuid;
  writer uuid := (attachment ->> tg_argv[1])::uuid;
  clip_author uuid := (select author_id from public.clips where id = clip_id);
begin
  perform private.stamp_change(tg_argv[0], (attachment ->> 'id')::uuid,
    array[writer, clip_author]);
  return null;
end;
$$;

revoke all on function private.record_clip_change() from public;
revoke all on function private.record_attachment_change() from public;

create constraint trigger record_change
  after insert or update or delete on public.clips
  deferrable initially deferred
  for each row execute function private.record_clip_change();

create constraint trigger record_change
  after insert or update or delete on public.comments
  deferrable initially deferred
  for each row execute function
    private.record_attachment_change('comment', 'author_id');

create constraint trigger record_change
  after insert or update or delete on public.endorsements
  deferrable initially deferred
  for each row execute function
    private.record_attachment_change('endorsement', 'endorser_id');

create constraint trigger record_change
  after insert or update or delete on public.reviews
  deferrable initially deferred
  for each row execute function
    private.record_attachment_change('review', 'reviewer_id');

-- Changes of reach ---------------------------------------------------------------

-- The in-review clips a team member reviews.
create function private.team_review_queue(team_id uuid) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select array(
    select c.id from public.clips c
    where c.team_id = team_review_queue.team_id
      and c.state = 'in_review' and c.deleted_at is null)
$$;

create function private.topic_review_queue(topic_id uuid) returns uuid[]
language sql stable security definer set search_path = ''
as $$
  select array(
    select c.id from public.clips c
    join public.topics t on t.id = c.topic_id and t.regulated
    where c.topic_id = topic_review_queue.topic_id
      and c.state = 'in_review' and c.deleted_at is null)
$$;

revoke all on function private.team_review_queue(uuid) from public;
revoke all on function private.topic_review_queue(uuid) from public;

create function private.record_profile_reach() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    -- Everything the person holds is re-sent: rows come back when they
    -- become active and turn into tombstones when they become pending.
    perform pg_advisory_xact_lock(private.change_lock_key());
    update private.sync_feed f
    set seq = nextval('private.change_seq')
    where f.profile_id = new.id;
  end if;
  if new.team_id is distinct from old.team_id
    or new.status is distinct from old.status then
    perform private.stamp_for_person(new.id, 'clip',
      private.team_review_queue(old.team_id)
      || private.team_review_queue(new.team_id));
  end if;
  return null;
end;
$$;

create function private.record_endorser_reach() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  endorser public.topic_endorsers := coalesce(new, old);
begin
  perform private.stamp_for_person(endorser.profile_id, 'clip',
    private.topic_review_queue(endorser.topic_id));
  return null;
end;
$$;

create function private.record_topic_reach() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  endorser_id uuid;
  queue uuid[] := array(
    select c.id from public.clips c
    where c.topic_id = new.id and c.state = 'in_review'
      and c.deleted_at is null);
begin
  for endorser_id in
    select e.profile_id from public.topic_endorsers e where e.topic_id = new.id
  loop
    perform private.stamp_for_person(endorser_id, 'clip', queue);
  end loop;
  return null;
end;
$$;

revoke all on function private.record_profile_reach() from public;
revoke all on function private.record_endorser_reach() from public;
revoke all on function private.record_topic_reach() from public;

create constraint trigger record_reach
  after update of team_id, status on public.profiles
  deferrable initially deferred
  for each row execute function private.record_profile_reach();

create constraint trigger record_reach
  after insert or delete on public.topic_endorsers
  deferrable initially deferred
  for each row execute function private.record_endorser_reach();

create constraint trigger record_reach
  after update of regulated on public.topics
  deferrable initially deferred
  for each row execute function private.record_topic_reach();
