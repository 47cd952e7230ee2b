-- The operations people call with rpc: endorse, withdraw an endorsement,
-- send a draft for review, review. All run as the caller, under row level
-- security; the triggers of the tables hold the rules.

create function public.endorse(
  clip_id uuid,
  kind text default 'peer',
  endorsement_id uuid default null
) returns public.endorsements
language plpgsql security invoker set search_path = ''
as $$
declare
  endorsement public.endorsements;
begin
  if kind is null or kind not in ('peer', 'official') then
    raise exception 'kind must be peer or official' using errcode = '22023';
  end if;

  insert into public.endorsements (id, clip_id, endorser_id, kind,
    content_hash)
  values (coalesce(endorsement_id, gen_random_uuid()), endorse.clip_id,
    auth.uid(), endorse.kind, '')
  returning * into endorsement;
  return endorsement;
end;
$$;

create function public.withdraw_endorsement(endorsement_id uuid)
returns public.endorsements
language plpgsql security invoker set search_path = ''
as $$
declare
  endorsement public.endorsements;
begin
  update public.endorsements e
  set withdrawn_at = now()
  where e.id = endorsement_id and e.endorser_id = auth.uid()
    and e.withdrawn_at is null
  returning * into endorsement;

  if endorsement.id is null then
    raise exception 'you hold no endorsement with this id to withdraw'
      using errcode = 'P0002';
  end if;
  return endorsement;
end;
$$;

-- Records the checklist version the author acknowledged (the transition
-- trigger refuses any other than the current one) and publishes at once
-- when the team needs no approval and the topic is not regulated.
create function public.submit_for_review(
  clip_id uuid,
  checklist_version integer
) returns public.clips
language plpgsql security invoker set search_path = ''
as $$
declare
  clip public.clips;
begin
  if checklist_version is null then
    raise exception 'acknowledge the publishing checklist first'
      using errcode = '23514';
  end if;

  update public.clips c
  set state = 'in_review',
    checklist_version = submit_for_review.checklist_version
  where c.id = submit_for_review.clip_id and c.author_id = auth.uid()
    and c.state = 'draft' and c.deleted_at is null
  returning * into clip;
  if clip.id is null then
    raise exception 'only your own drafts go to review'
      using errcode = 'P0002';
  end if;

  if private.approvals_met(clip) then
    update public.clips c set state = 'published'
    where c.id = clip.id
    returning * into clip;
  end if;
  return clip;
end;
$$;

-- Returns the review and the state the clip is in afterwards.
create function public.review(
  clip_id uuid,
  verdict text,
  helps text default '',
  improve text default '',
  accuracy_concern text default '',
  review_id uuid default null
) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  saved public.reviews;
  clip_state text;
begin
  if verdict is null or verdict not in ('approve', 'changes') then
    raise exception 'verdict must be approve or changes'
      using errcode = '22023';
  end if;

  insert into public.reviews (id, clip_id, reviewer_id, verdict,
    content_hash, helps, improve, accuracy_concern)
  values (coalesce(review_id, gen_random_uuid()), review.clip_id, auth.uid(),
    review.verdict, '', coalesce(helps, ''), coalesce(improve, ''),
    coalesce(accuracy_concern, ''))
  returning * into saved;

  -- A clip sent back to draft is no longer visible to its reviewer.
  select c.state into clip_state from public.clips c where c.id = saved.clip_id;
  return jsonb_build_object(
    'review', to_jsonb(saved),
    'clip_state', coalesce(clip_state, 'draft'));
end;
$$;

revoke all on function public.endorse(uuid, text, uuid) from public, anon;
revoke all on function public.withdraw_endorsement(uuid) from public, anon;
revoke all on function public.submit_for_review(uuid, integer)
  from public, anon;
revoke all on function public.review(uuid, text, text, text, text, uuid)
  from public, anon;
grant execute on function public.endorse(uuid, text, uuid)
  to authenticated, service_role;
grant execute on function public.withdraw_endorsement(uuid)
  to authenticated, service_role;
grant execute on function public.submit_for_review(uuid, integer)
  to authenticated, service_role;
grant execute on function public.review(uuid, text, text, text, text, uuid)
  to authenticated, service_role;
