-- What hangs on a clip: comments, endorsements and reviews, with the rules
-- of who may write them.

create table public.comments (
  id uuid primary key default gen_random_uuid(),
  clip_id uuid not null references public.clips (id) on delete cascade,
  author_id uuid not null default auth.uid()
    references public.profiles (id) on delete cascade,
  parent_id uuid references public.comments (id) on delete cascade,
  body text not null check (char_length(body) between 1 and 10000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);

create index comments_clip_id_idx on public.comments (clip_id, created_at);
create index comments_author_id_idx on public.comments (author_id);
create index comments_parent_id_idx on public.comments (parent_id);

-- An endorsement is active while it is not withdrawn, its content_hash is
-- the clip's current one and, if official, it has not expired. Lapsed,
-- expired and withdrawn ones stay as history.
create table public.endorsements (
  id uuid primary key default gen_random_uuid(),
  clip_id uuid not null references public.clips (id) on delete cascade,
  endorser_id uuid not null default auth.uid()
    references public.profiles (id) on delete cascade,
  kind text not null default 'peer' check (kind in ('peer', 'official')),
  content_hash text not null,
  expires_at timestamptz,
  withdrawn_at timestamptz,
  created_at timestamptz not null default now(),
  check ((kind = 'official') = (expires_at is not null))
);

create index endorsements_clip_id_idx on public.endorsements (clip_id);
create index endorsements_endorser_id_idx
  on public.endorsements (endorser_id, clip_id);

create table public.reviews (
  id uuid primary key default gen_random_uuid(),
  clip_id uuid not null references public.clips (id) on delete cascade,
  reviewer_id uuid not null default auth.uid()
    references public.profiles (id) on delete cascade,
  verdict text not null check (verdict in ('approve', 'changes')),
  -- The text that was reviewed: an edit voids approvals of earlier text.
  content_hash text not null,
  helps text not null default '' check (char_length(helps) <= 10000),
  improve text not null default '' check (char_length(improve) <= 10000),
  accuracy_concern text not null default ''
    check (char_length(accuracy_concern) <= 10000),
  created_at timestamptz not null default now()
);

create index reviews_clip_id_idx on public.reviews (clip_id);
create index reviews_reviewer_id_idx on public.reviews (reviewer_id);

-- Whether the approvals of the clip's current text, given since it was last
-- sent for review, are in: the team's number (the organisation default
-- without a team), and for a regulated topic at least one from a topic
-- endorser, who counts towards the number. Security definer: the rule
-- counts every approval, including those the caller cannot read.
create function private.approvals_met(clip public.clips) returns boolean
language sql stable security definer set search_path = ''
as $$
  with rule as (
    select coalesce(t.approvals_required, s.default_approvals) needed,
      coalesce(tp.regulated, false) regulated
    from public.organisation_settings s
    left join public.teams t on t.id = clip.team_id
    left join public.topics tp on tp.id = clip.topic_id
  ), approvers as (
    select distinct r.reviewer_id
    from public.reviews r
    where r.clip_id = clip.id and r.verdict = 'approve'
      and r.content_hash = clip.content_hash
      and r.created_at >= coalesce(clip.submitted_at, '-infinity')
      and r.reviewer_id in (
        select private.clip_reviewers(clip.author_id, clip.team_id,
          clip.topic_id))
  )
  select (select count(*) from approvers)
      >= greatest(rule.needed, case when rule.regulated then 1 else 0 end)
    and (not rule.regulated or exists (
      select 1 from approvers a
      join public.topic_endorsers e
        on e.profile_id = a.reviewer_id and e.topic_id = clip.topic_id))
  from rule
$$;

revoke all on function private.approvals_met(public.clips) from public;
grant execute on function private.approvals_met(public.clips)
  to authenticated, service_role;

-- Whether an endorsement counts right now.
create function private.endorsement_active(
  endorsement public.endorsements,
  clip_hash text
) returns boolean
language sql stable set search_path = ''
as $$
  select endorsement.withdrawn_at is null
    and endorsement.content_hash = clip_hash
    and (endorsement.expires_at is null or endorsement.expires_at > now())
$$;
