-- Who sees and changes a clip, and the invariants every write keeps: the
-- content hash, the version, the author's team and the state transitions.

-- What people may do to a clip's state. Trusted code (the review function,
-- seed.sql) moves states without these checks.
create function private.check_clip_transition(
  old_state text,
  clip public.clips
) returns void
language plpgsql stable set search_path = ''
as $$
declare
  current_checklist integer;
  needed integer;
  regulated boolean;
begin
  if old_state = clip.state then
    return;
  end if;

  select s.checklist_version,
    coalesce(t.approvals_required, s.default_approvals),
    coalesce(tp.regulated, false)
  into current_checklist, needed, regulated
  from public.organisation_settings s
  left join public.teams t on t.id = clip.team_id
  left join public.topics tp on tp.id = clip.topic_id;

  if clip.state in ('in_review', 'published') and old_state = 'draft'
    and clip.checklist_version is distinct from current_checklist then
    raise exception 'acknowledge the publishing checklist (version %) first',
      current_checklist using errcode = '23514';
  end if;

  case
    when old_state = 'draft' and clip.state = 'in_review' then null;
    when old_state = 'draft' and clip.state = 'published' then
      if needed > 0 or regulated then
        raise exception 'this clip needs approval: send it for review'
          using errcode = '23514';
      end if;
    when old_state = 'in_review' and clip.state = 'published' then
      if not private.approvals_met(clip) then
        raise exception 'this clip does not have its approvals yet'
          using errcode = '23514';
      end if;
    when clip.state = 'archived' then null;
    when clip.state = 'draft' and old_state in
      ('in_review', 'published', 'archived') then null;
    else
      raise exception 'a clip cannot go from % to %', old_state, clip.state
        using errcode = '23514';
  end case;
end;
$$;

create function private.check_clip_update(
  old_clip public.clips,
  new_clip public.clips
) returns void
language plpgsql stable set search_path = ''
as $$
begin
  if old_clip.deleted_at is not null then
    raise exception 'this clip is deleted' using errcode = '23514';
  end if;
  if new_clip.id <> old_clip.id or new_clip.author_id <> old_clip.author_id
    or new_clip.team_id is distinct from old_clip.team_id
    or new_clip.created_at <> old_clip.created_at then
    raise exception 'a clip keeps its id, author, team and creation time'
      using errcode = '23514';
  end if;

  perform private.check_clip_transition(old_clip.state, new_clip);
end;
$$;

create function private.prepare_clip() returns trigger
language plpgsql set search_path = ''
as $$
declare
  person boolean := current_user = 'authenticated';
begin
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

create trigger prepare_clip
  before insert or update on public.clips
  for each row execute function private.prepare_clip();

-- Row level security -----------------------------------------------------------

alter table public.clips enable row level security;

-- Drafts (and deleted clips) only for the author; published ones by
-- visibility; in-review ones for the author's teammates and, in a regulated
-- topic, its endorsers.
create policy "members read the clips they may see" on public.clips
  for select to authenticated
  using (
    (select private.is_member()) and (
      author_id = (select auth.uid())
      or (state = 'published' and deleted_at is null and (
        visibility = 'organisation' or team_id = (select private.my_team())))
      or (state = 'in_review' and deleted_at is null and (
        team_id = (select private.my_team())
        or topic_id in (select private.my_regulated_topics())))
    )
  );

create policy "members write their own clips" on public.clips
  for insert to authenticated
  with check (
    author_id = (select auth.uid()) and (select private.is_member())
  );

create policy "authors change their own clips" on public.clips
  for update to authenticated
  using (author_id = (select auth.uid()) and (select private.is_member()))
  with check (author_id = (select auth.uid()));

-- Deleting is a soft delete (deleted_at), so the deletion reaches every
-- copy as a tombstone; no one removes rows.
revoke all on public.clips from anon, public, authenticated;
grant select, insert, update on public.clips to authenticated;
