-- Benchmark data: 2,000 people in 20 teams, 10 topics (2 regulated, 10
-- endorsers each), 100,000 clips (20 people hold 600 extra drafts each so
-- that a pull of 500 rows is possible), 50,000 peer and about 3,500
-- official endorsements, 50,000 comments, 22,000 follows and the change
-- feed those rows would have produced.
--
-- Written by the cluster's superuser with triggers off, for speed: derived
-- values (content hashes, teams of clips, the feed) are computed here the
-- way the triggers compute them.

set session_replication_role = replica;

update public.organisation_settings set allowed_domains = '{example.com}';

insert into public.teams (id, name, approvals_required)
select gen_random_uuid(), 'Team ' || i, 1 from generate_series(1, 20) i;

insert into public.topics (id, name, regulated)
select gen_random_uuid(), 'Topic ' || i, i <= 2 from generate_series(1, 10) i;

create temporary table bench_team as
select row_number() over (order by name) n, id from public.teams;
create temporary table bench_topic as
select row_number() over (order by name) n, id, regulated from public.topics;

create temporary table bench_person as
select i n, gen_random_uuid() id from generate_series(1, 2000) i;

insert into auth.users (id, aud, role, email, email_confirmed_at)
select p.id, 'authenticated', 'authenticated',
  'person' || p.n || '@example.com', now()
from bench_person p;

insert into public.profiles (id, email, display_name, team_id, status)
select p.id, 'person' || p.n || '@example.com', 'Person ' || p.n, t.id,
  'active'
from bench_person p join bench_team t on t.n = 1 + p.n % 20;

-- People 1981-2000 endorse the two regulated topics.
insert into public.topic_endorsers (topic_id, profile_id)
select t.id, p.id
from bench_person p
join bench_topic t on t.regulated and t.n = 1 + (p.n - 1981) / 10
where p.n > 1980;

insert into public.follows (follower_id, followed_profile_id)
select p.id, f.id
from bench_person p
cross join generate_series(1, 10) k
join bench_person f on f.n = 1 + (p.n + k * 37) % 2000;

insert into public.follows (follower_id, followed_topic_id)
select p.id, t.id from bench_person p join bench_topic t on t.n = 1 + p.n % 10;

-- Clips ------------------------------------------------------------------------

create temporary table bench_clip as
select i, p.id author_id,
  case when i % 20 < 16 or i % 20 = 19 then 'published'
    when i % 20 = 16 then 'draft'
    when i % 20 = 17 then 'in_review'
    else 'archived' end state,
  case when i % 7 = 0 then 'team' else 'organisation' end visibility,
  1 + i % 10 topic_n,
  'site' || i % 50 || '.example.com' site,
  'https://site' || i % 50 || '.example.com/page/' || i % 20000 url,
  now() - make_interval(mins => ((i::bigint * 104729) % 525600)::integer) at_time
from generate_series(1, 88000) i
join bench_person p on p.n = 1 + (i * 7919) % 2000;

-- 600 extra drafts for each of people 1-20.
insert into bench_clip
select 88000 + (p.n - 1) * 600 + k, p.id, 'draft', 'organisation',
  1 + k % 10, 'site' || k % 50 || '.example.com',
  'https://site' || k % 50 || '.example.com/draft/' || k,
  now() - make_interval(mins => k * 60)
from bench_person p, generate_series(1, 600) k
where p.n <= 20;

insert into public.clips (id, author_id, team_id, source_url, canonical_url,
  title, site, quote, note, tags, topic_id, state, visibility, content_hash,
  version, checklist_version, submitted_at, published_at, created_at,
  updated_at)
select gen_random_uuid(), c.author_id, pr.team_id, c.url, c.url,
  'Clip ' || c.i, c.site, 'A quoted passage number ' || c.i || '. ' ||
    repeat('Some words from the page. ', 8),
  'Why it matters, ' || c.i, array['tag' || c.i % 50], t.id, c.state,
  c.visibility,
  private.content_hash('A quoted passage number ' || c.i || '. ' ||
    repeat('Some words from the page. ', 8), 'Why it matters, ' || c.i),
  1, case when c.state <> 'draft' then 1 end,
  case when c.state <> 'draft' then c.at_time end,
  case when c.state in ('published', 'archived') then c.at_time end,
  c.at_time, c.at_time
from bench_clip c
join public.profiles pr on pr.id = c.author_id
join bench_topic t on t.n = c.topic_n;

-- Endorsements and comments ----------------------------------------------------

create temporary table bench_published as
select row_number() over (order by c.id) n, c.id, c.author_id, c.topic_id,
  c.content_hash
from public.clips c where c.state = 'published';

insert into public.endorsements (clip_id, endorser_id, kind, content_hash)
select c.id, p.id, 'peer', c.content_hash
from bench_published c
join bench_person p on p.n = 1 + (c.n * 31) % 2000
where c.n <= 50000 and p.id <> c.author_id;

insert into public.endorsements (clip_id, endorser_id, kind, content_hash,
  expires_at)
select c.id, e.profile_id, 'official', c.content_hash,
  now() + interval '30 days'
from bench_published c
join bench_topic t on t.id = c.topic_id and t.regulated
join lateral (
  select profile_id from public.topic_endorsers te
  where te.topic_id = c.topic_id and te.profile_id <> c.author_id
  order by te.profile_id limit 1) e on true
where c.n % 5 = 0;

insert into public.comments (clip_id, author_id, body)
select c.id, p.id, 'A comment on clip ' || c.n
from bench_published c
join bench_person p on p.n = 1 + (c.n * 17) % 2000
where c.n % 8 < 5;

-- The change feed --------------------------------------------------------------

insert into private.sync_feed (profile_id, entity, entity_id, seq)
select c.author_id, 'clip', c.id, nextval('private.change_seq')
from public.clips c order by c.created_at;

insert into private.sync_feed (profile_id, entity, entity_id, seq)
select p.id, 'clip', c.id, nextval('private.change_seq')
from public.clips c
join public.profiles p on p.team_id = c.team_id and p.id <> c.author_id
where c.state = 'in_review'
on conflict do nothing;

insert into private.sync_feed (profile_id, entity, entity_id, seq)
select distinct on (r.person, m.id) r.person, 'comment', m.id,
  nextval('private.change_seq')
from public.comments m
join public.clips c on c.id = m.clip_id,
lateral (values (m.author_id), (c.author_id)) r (person)
on conflict do nothing;

insert into private.sync_feed (profile_id, entity, entity_id, seq)
select distinct on (r.person, e.id) r.person, 'endorsement', e.id,
  nextval('private.change_seq')
from public.endorsements e
join public.clips c on c.id = e.clip_id,
lateral (values (e.endorser_id), (c.author_id)) r (person)
on conflict do nothing;

reset session_replication_role;
