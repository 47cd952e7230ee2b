-- The rules of comments, endorsements and reviews, held by triggers so that
-- they hold for table calls and functions alike.

-- Comments ---------------------------------------------------------------------

create function private.prepare_comment() returns trigger
language plpgsql set search_path = ''
as $$
declare
  person boolean := current_user = 'authenticated';
begin
  new.updated_at := now();
  if tg_op = 'INSERT' then
    if person and not exists (
      select 1 from public.clips c
      where c.id = new.clip_id and c.state = 'published'
        and c.deleted_at is null
    ) then
      raise exception 'comments go only on published clips you can see'
        using errcode = '23514';
    end if;
    if new.parent_id is not null and not exists (
      select 1 from public.comments p
      where p.id = new.parent_id and p.clip_id = new.clip_id
    ) then
      raise exception 'a reply belongs to the clip of its parent comment'
        using errcode = '23514';
    end if;
    new.version := 1;
    if person then
      new.created_at := now();
      new.deleted_at := null;
    end if;
    return new;
  end if;

  new.version := old.version + 1;
  if person then
    if old.deleted_at is not null then
      raise exception 'this comment is deleted' using errcode = '23514';
    end if;
    if new.clip_id <> old.clip_id or new.author_id <> old.author_id
      or new.parent_id is distinct from old.parent_id
      or new.created_at <> old.created_at then
      raise exception 'a comment keeps its clip, author and parent'
        using errcode = '23514';
    end if;
    new.deleted_at := case when new.deleted_at is not null then now() end;
  end if;
  return new;
end;
$$;

create trigger prepare_comment
  before insert or update on public.comments
  for each row execute function private.prepare_comment();

-- Endorsements -----------------------------------------------------------------

create function private.prepare_endorsement() returns trigger
language plpgsql set search_path = ''
as $$
declare
  person boolean := current_user = 'authenticated';
  clip public.clips;
begin
  select * into clip from public.clips c
  where c.id = new.clip_id and c.state = 'published' and c.deleted_at is null;
  if clip.id is null then
    raise exception 'you can endorse only published clips you can see'
      using errcode = '23514';
  end if;
  if clip.author_id = new.endorser_id then
    raise exception 'nobody endorses their own clip' using errcode = '23514';
  end if;
  if new.kind = 'official' and not exists (
    select 1 from public.topic_endorsers e
    join public.topics t on t.id = e.topic_id and t.regulated
    where e.topic_id = clip.topic_id and e.profile_id = new.endorser_id
  ) then
    raise exception 'only endorsers of the clip''s regulated topic endorse '
      'officially' using errcode = '23514';
  end if;

  -- One active endorsement per person and clip: serialise concurrent tries.
  perform pg_advisory_xact_lock(
    hashtextextended(new.clip_id::text || new.endorser_id::text, 0));
  if exists (
    select 1 from public.endorsements e
    where e.clip_id = new.clip_id and e.endorser_id = new.endorser_id
      and private.endorsement_active(e, clip.content_hash)
  ) then
    raise exception 'you already endorse this text of the clip'
      using errcode = '23505';
  end if;

  new.content_hash := clip.content_hash;
  if person then
    new.created_at := now();
    new.withdrawn_at := null;
    new.expires_at := null;
  end if;
  -- Trusted code (seed.sql) may give an official endorsement its expiry.
  new.expires_at := case new.kind
    when 'official' then coalesce(new.expires_at, now() + interval '90 days')
  end;
  return new;
end;
$$;

create trigger prepare_endorsement
  before insert on public.endorsements
  for each row execute function private.prepare_endorsement();

-- Only withdrawing changes an endorsement.
create function private.guard_endorsement() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user <> 'authenticated' then
    return new;
  end if;

  if old.withdrawn_at is not null then
    raise exception 'this endorsement is already withdrawn'
      using errcode = '23514';
  end if;
  if (new.id, new.clip_id, new.endorser_id, new.kind, new.content_hash,
      new.expires_at, new.created_at)
    is distinct from (old.id, old.clip_id, old.endorser_id, old.kind,
      old.content_hash, old.expires_at, old.created_at) then
    raise exception 'an endorsement can only be withdrawn'
      using errcode = '23514';
  end if;
  new.withdrawn_at := case when new.withdrawn_at is not null then now() end;
  return new;
end;
$$;

create trigger guard_endorsement
  before update on public.endorsements
  for each row execute function private.guard_endorsement();

-- Reviews ----------------------------------------------------------------------

create function private.prepare_review() returns trigger
language plpgsql set search_path = ''
as $$
declare
  clip public.clips;
begin
  select * into clip from public.clips c
  where c.id = new.clip_id and c.deleted_at is null;
  if clip.author_id = new.reviewer_id then
    raise exception 'nobody reviews their own clip' using errcode = '23514';
  end if;
  if clip.id is null or clip.state <> 'in_review' or new.reviewer_id not in (
    select private.clip_reviewers(clip.author_id, clip.team_id, clip.topic_id)
  ) then
    raise exception 'you can review only clips waiting for your review'
      using errcode = '23514';
  end if;
  if new.verdict = 'changes'
    and btrim(new.improve) = '' and btrim(new.accuracy_concern) = '' then
    raise exception 'say what to improve when asking for changes'
      using errcode = '23514';
  end if;

  new.content_hash := clip.content_hash;
  new.created_at := now();
  return new;
end;
$$;

create trigger prepare_review
  before insert on public.reviews
  for each row execute function private.prepare_review();

-- Security definer: a reviewer moves someone else's clip, which no policy
-- lets them update. It does only what the review decides: back to draft on
-- "changes", published once the approvals are in.
create function private.settle_review() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  clip public.clips;
begin
  select * into clip from public.clips c
  where c.id = new.clip_id and c.state = 'in_review'
  for update;
  if clip.id is null then
    return null;
  end if;

  if new.verdict = 'changes' then
    update public.clips set state = 'draft' where id = clip.id;
  elsif private.approvals_met(clip) then
    update public.clips set state = 'published' where id = clip.id;
  end if;
  return null;
end;
$$;

revoke all on function private.settle_review() from public;

create trigger settle_review
  after insert on public.reviews
  for each row execute function private.settle_review();

-- Row level security -----------------------------------------------------------

alter table public.comments enable row level security;
alter table public.endorsements enable row level security;
alter table public.reviews enable row level security;

-- Visible with the clip they hang on; one's own always (a deleted comment
-- only to its author).
create policy "members read comments on clips they see" on public.comments
  for select to authenticated
  using (
    (select private.is_member()) and (
      author_id = (select auth.uid())
      or (deleted_at is null and exists (
        select 1 from public.clips c where c.id = comments.clip_id))
    )
  );
create policy "members comment" on public.comments
  for insert to authenticated
  with check (
    author_id = (select auth.uid()) and (select private.is_member())
  );
create policy "authors change their comments" on public.comments
  for update to authenticated
  using (author_id = (select auth.uid()) and (select private.is_member()))
  with check (author_id = (select auth.uid()));

create policy "members read endorsements on clips they see"
  on public.endorsements
  for select to authenticated
  using (
    (select private.is_member()) and (
      endorser_id = (select auth.uid())
      or exists (
        select 1 from public.clips c where c.id = endorsements.clip_id)
    )
  );
create policy "members endorse" on public.endorsements
  for insert to authenticated
  with check (
    endorser_id = (select auth.uid()) and (select private.is_member())
  );
create policy "endorsers withdraw" on public.endorsements
  for update to authenticated
  using (endorser_id = (select auth.uid()) and (select private.is_member()))
  with check (endorser_id = (select auth.uid()));

-- Feedback is for the author and the clip's reviewers, not the whole feed.
create policy "authors and reviewers read reviews" on public.reviews
  for select to authenticated
  using (
    (select private.is_member()) and (
      reviewer_id = (select auth.uid())
      or exists (
        select 1 from public.clips c
        where c.id = reviews.clip_id
          and (c.author_id = (select auth.uid()) or c.state = 'in_review'))
    )
  );
create policy "reviewers review" on public.reviews
  for insert to authenticated
  with check (
    reviewer_id = (select auth.uid()) and (select private.is_member())
  );

revoke all on public.comments, public.endorsements, public.reviews
  from anon, public, authenticated;
grant select, insert, update on public.comments to authenticated;
grant select, insert on public.endorsements to authenticated;
grant update (withdrawn_at) on public.endorsements to authenticated;
grant select, insert on public.reviews to authenticated;
