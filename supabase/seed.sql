-- A small demo organisation (see supabase/README.md): allow-listed domain
-- example.com, six confirmed accounts sharing the password `peerclip-demo`,
-- one pending account, two teams, four topics and about thirty clips in
-- every state, with comments, endorsements, reviews and follows.
--
-- Runs as the project's owner, like the SQL editor: the rules for people
-- do not apply, but every derived value (hashes, versions, the change feed)
-- comes from the same triggers as in production.

update public.organisation_settings set
  allowed_domains = '{example.com}',
  default_approvals = 1,
  checklist = '[
    "Quote the source exactly and link to it",
    "Say in the note why this matters to your peers",
    "Nothing confidential about customers or colleagues",
    "Pick the topic, so the right reviewers see it"
  ]',
  policy_links = '[
    {"title": "Information handling policy",
     "url": "https://policies.example.com/information-handling"},
    {"title": "Wiki etiquette", "url": "https://wiki.example.com/etiquette"}
  ]';

insert into public.teams (id, name, approvals_required) values
  ('a0000000-0000-4000-8000-000000000001', 'Operations', 1),
  ('a0000000-0000-4000-8000-000000000002', 'Safety', 1);

insert into public.topics (id, name, regulated) values
  ('b0000000-0000-4000-8000-000000000001', 'Health & Safety', true),
  ('b0000000-0000-4000-8000-000000000002', 'IT', false),
  ('b0000000-0000-4000-8000-000000000003', 'HR', false),
  ('b0000000-0000-4000-8000-000000000004', 'Customer service', false);

-- People ---------------------------------------------------------------------

create temporary table demo_people (
  id uuid, email text, name text, team uuid
) on commit drop;

insert into demo_people values
  ('c0000000-0000-4000-8000-000000000001', 'alice@example.com',
    'Alice Martin', 'a0000000-0000-4000-8000-000000000001'),
  ('c0000000-0000-4000-8000-000000000002', 'bob@example.com',
    'Bob Osei', 'a0000000-0000-4000-8000-000000000001'),
  ('c0000000-0000-4000-8000-000000000003', 'erin@example.com',
    'Erin Walsh', 'a0000000-0000-4000-8000-000000000001'),
  ('c0000000-0000-4000-8000-000000000004', 'carol@example.com',
    'Carol Nguyen', 'a0000000-0000-4000-8000-000000000002'),
  ('c0000000-0000-4000-8000-000000000005', 'frank@example.com',
    'Frank Keller', 'a0000000-0000-4000-8000-000000000002'),
  ('c0000000-0000-4000-8000-000000000006', 'dave@example.com',
    'Dave Ramos', 'a0000000-0000-4000-8000-000000000002');

insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
  email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
select '00000000-0000-0000-0000-000000000000', p.id, 'authenticated',
  'authenticated', p.email,
  extensions.crypt('peerclip-demo', extensions.gen_salt('bf')), now(),
  '{"provider": "email", "providers": ["email"]}',
  jsonb_build_object('display_name', p.name)
from demo_people p;

-- Someone from outside the allowed domain, waiting for an admin.
insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
  email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
values ('00000000-0000-0000-0000-000000000000',
  'c0000000-0000-4000-8000-000000000007', 'authenticated', 'authenticated',
  'pat@partner.example',
  extensions.crypt('peerclip-demo', extensions.gen_salt('bf')), now(),
  '{"provider": "email", "providers": ["email"]}',
  '{"display_name": "Pat Lindqvist"}');

insert into auth.identities (provider_id, user_id, identity_data, provider)
select u.id::text, u.id,
  jsonb_build_object('sub', u.id::text, 'email', u.email,
    'email_verified', true),
  'email'
from auth.users u
where u.id::text like 'c0000000-%';

update public.profiles p set team_id = d.team
from demo_people d where d.id = p.id;

select public.make_first_admin('dave@example.com');

insert into public.topic_endorsers (topic_id, profile_id) values
  ('b0000000-0000-4000-8000-000000000001',
    'c0000000-0000-4000-8000-000000000004'),
  ('b0000000-0000-4000-8000-000000000001',
    'c0000000-0000-4000-8000-000000000005');

-- Clips ------------------------------------------------------------------------

create temporary table demo_clips (
  n integer, author integer, state text, visibility text, topic integer,
  site text, path text, title text, quote text, note text, tags text[],
  days_ago integer
) on commit drop;

insert into demo_clips values
  (1, 1, 'published', 'organisation', 2, 'wiki.example.com', '/it/vpn',
    'Connecting to the VPN from home',
    'Use the Always-On profile; the legacy client stops working on 1 March.',
    'The old client is still on most laptops. Worth checking yours.', '{vpn,remote}', 2),
  (2, 1, 'published', 'organisation', 4, 'tickets.example.com', '/kb/refunds',
    'Refunds over 500 EUR',
    'Refunds above 500 EUR need a second approver from Finance before they are issued.',
    'Saves a callback: ask Finance first.', '{refunds,finance}', 5),
  (3, 1, 'published', 'team', 4, 'tickets.example.com', '/kb/escalation',
    'Escalation matrix',
    'Priority 1 tickets page the on-call lead within 15 minutes, day or night.',
    'Operations only: our on-call rota link is in the ticket.', '{on-call}', 9),
  (4, 1, 'draft', 'organisation', 2, 'wiki.example.com', '/it/printers',
    'Printer queues',
    'Each floor has one queue; the old per-room queues were removed.',
    '', '{printing}', 1),
  (5, 1, 'in_review', 'organisation', 2, 'wiki.example.com', '/it/passwords',
    'Password manager rollout',
    'Every account moves to the company password manager by the end of the quarter.',
    'Please check the deadline is right before this goes out.', '{security}', 1),
  (6, 1, 'archived', 'organisation', 3, 'hr.example.com', '/leave/2025',
    'Leave planning 2025',
    'Requests for the summer period close on 31 March.',
    'Out of date now.', '{leave}', 200),
  (7, 2, 'published', 'organisation', 4, 'tickets.example.com', '/kb/tone',
    'Tone of voice in replies',
    'Start with the answer, then the reason; never paste internal ticket notes into a reply.',
    'The second half is the one people forget.', '{writing,customers}', 3),
  (8, 2, 'published', 'organisation', 2, 'wiki.example.com', '/it/mfa',
    'Resetting MFA',
    'The service desk can reset MFA only after a video call with the colleague.',
    '', '{mfa,security}', 6),
  (9, 2, 'published', 'organisation', 4, 'dash.example.com', '/queues',
    'Queue targets',
    'First response within 4 working hours for standard tickets.',
    'Target from the service dashboard.', '{targets}', 12),
  (10, 2, 'draft', 'organisation', 4, 'tickets.example.com', '/kb/macros',
    'Reply macros',
    'Macros live under Settings, Shared macros; personal ones are not reviewed.',
    '', '{macros}', 1),
  (11, 2, 'in_review', 'organisation', 4, 'tickets.example.com', '/kb/complaints',
    'Complaints handling',
    'Formal complaints are acknowledged in writing within two working days.',
    'From the complaints procedure, section 3.', '{complaints}', 1),
  (12, 3, 'published', 'organisation', 3, 'hr.example.com', '/onboarding',
    'First week checklist',
    'New starters get their laptop on day one and their building pass from reception.',
    'Useful for anyone onboarding a new colleague.', '{onboarding}', 4),
  (13, 3, 'published', 'organisation', 2, 'wiki.example.com', '/it/wifi',
    'Guest wifi',
    'Guest wifi vouchers last 24 hours and are printed at reception.',
    '', '{wifi}', 8),
  (14, 3, 'published', 'team', 4, 'dash.example.com', '/rota',
    'Weekend rota',
    'Weekend cover swaps are agreed with the team lead by Thursday noon.',
    '', '{rota}', 15),
  (15, 3, 'draft', 'organisation', 4, 'tickets.example.com', '/kb/callbacks',
    'Callback promises',
    'Only promise a callback time that the callback queue can meet.',
    'Bob asked for the source of this one.', '{callbacks}', 2),
  (16, 3, 'in_review', 'organisation', 1, 'policies.example.com', '/hs/ladders',
    'Using step ladders',
    'Step ladders are inspected before each use; a damaged ladder is tagged and removed.',
    'Came up in the warehouse walk-through.', '{ladders,warehouse}', 1),
  (17, 4, 'published', 'organisation', 1, 'policies.example.com', '/hs/fire',
    'Fire doors',
    'Fire doors are never wedged open; report a faulty closer to Facilities.',
    '', '{fire}', 3),
  (18, 4, 'published', 'organisation', 1, 'policies.example.com', '/hs/lifting',
    'Manual handling',
    'Loads over 25 kg are lifted by two people or with a trolley.',
    'From the manual handling assessment.', '{lifting}', 7),
  (19, 4, 'published', 'organisation', 1, 'policies.example.com', '/hs/first-aid',
    'First aiders',
    'Each floor lists its first aiders next to the lifts; the list is checked monthly.',
    '', '{first-aid}', 10),
  (20, 4, 'published', 'organisation', 1, 'policies.example.com', '/hs/dse',
    'Display screen assessments',
    'Everyone completes a display screen assessment in their first month.',
    '', '{dse}', 120),
  (21, 4, 'draft', 'organisation', 1, 'policies.example.com', '/hs/heat',
    'Working in heat',
    'Above 30 degrees, outdoor work pauses for ten minutes every hour.',
    'Still checking the threshold.', '{heat}', 1),
  (22, 5, 'published', 'organisation', 1, 'policies.example.com', '/hs/incidents',
    'Reporting incidents',
    'Every incident and near miss is reported within 24 hours in the safety portal.',
    '', '{incidents}', 2),
  (23, 5, 'published', 'organisation', 1, 'policies.example.com', '/hs/ppe',
    'Protective equipment',
    'Safety shoes are required in the warehouse at all times, visitors included.',
    '', '{ppe,warehouse}', 5),
  (24, 5, 'published', 'organisation', 1, 'policies.example.com', '/hs/chemicals',
    'Cleaning chemicals',
    'Cleaning chemicals are stored in the locked cabinet with their data sheets.',
    '', '{chemicals}', 95),
  (25, 5, 'in_review', 'organisation', 1, 'policies.example.com', '/hs/evacuation',
    'Evacuation drills',
    'Drills happen twice a year; the assembly point is the north car park.',
    '', '{evacuation}', 1),
  (26, 5, 'published', 'team', 1, 'wiki.example.com', '/safety/inspections',
    'Inspection route',
    'The monthly inspection starts at the loading bay and ends at the roof access.',
    'Safety team only.', '{inspections}', 6),
  (27, 6, 'published', 'organisation', 3, 'hr.example.com', '/expenses',
    'Expense claims',
    'Claims are submitted within 60 days with a photo of the receipt.',
    '', '{expenses}', 1),
  (28, 6, 'published', 'organisation', 3, 'hr.example.com', '/learning',
    'Learning budget',
    'Each person has a yearly learning budget; unspent budget does not carry over.',
    '', '{learning}', 4),
  (29, 6, 'published', 'organisation', 2, 'wiki.example.com', '/it/laptops',
    'Laptop refresh',
    'Laptops are refreshed every four years; bring the old one to the service desk.',
    '', '{laptops}', 11),
  (30, 6, 'draft', 'organisation', 3, 'hr.example.com', '/policies/hybrid',
    'Hybrid working',
    'Teams agree their office days; two days a week is the usual minimum.',
    'Draft for the HR page.', '{hybrid}', 1);

insert into public.clips (id, author_id, source_url, canonical_url, title,
  site, quote, note, tags, topic_id, state, visibility, checklist_version,
  published_at, created_at, selectors)
select
  ('d0000000-0000-4000-8000-' || lpad(c.n::text, 12, '0'))::uuid,
  ('c0000000-0000-4000-8000-' || lpad(c.author::text, 12, '0'))::uuid,
  'https://' || c.site || c.path, 'https://' || c.site || c.path, c.title,
  c.site, c.quote, c.note, c.tags,
  ('b0000000-0000-4000-8000-' || lpad(c.topic::text, 12, '0'))::uuid,
  c.state, c.visibility,
  case when c.state <> 'draft' then s.checklist_version end,
  case when c.state in ('published', 'archived')
    then now() - make_interval(days => c.days_ago) end,
  now() - make_interval(days => c.days_ago + 1),
  jsonb_build_array(jsonb_build_object('type', 'TextQuoteSelector',
    'exact', c.quote, 'prefix', '', 'suffix', ''))
from demo_clips c cross join public.organisation_settings s;

-- Reviews: four published clips went through review (their approvals are
-- history), one draft came back with "changes", one regulated clip has a
-- teammate's approval and still waits for a topic endorser.

create function pg_temp.demo_clip(n integer) returns uuid
language sql immutable
as $$ select ('d0000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid $$;

create function pg_temp.demo_person(n integer) returns uuid
language sql immutable
as $$ select ('c0000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid $$;

update public.clips set state = 'in_review'
where id in (pg_temp.demo_clip(7), pg_temp.demo_clip(12),
  pg_temp.demo_clip(17), pg_temp.demo_clip(22), pg_temp.demo_clip(15));

insert into public.reviews (clip_id, reviewer_id, verdict, content_hash,
  helps, improve, accuracy_concern)
values
  (pg_temp.demo_clip(7), pg_temp.demo_person(1), 'approve', '',
    'Clear and short; new starters get this wrong.', '', ''),
  (pg_temp.demo_clip(12), pg_temp.demo_person(2), 'approve', '',
    'Exactly what a buddy needs on day one.', '', ''),
  (pg_temp.demo_clip(17), pg_temp.demo_person(5), 'approve', '',
    'Matches the fire safety policy word for word.', '', ''),
  (pg_temp.demo_clip(22), pg_temp.demo_person(4), 'approve', '',
    'Good reminder that near misses count too.', '', ''),
  (pg_temp.demo_clip(15), pg_temp.demo_person(2), 'changes', '',
    'Useful rule of thumb.',
    'Link the callback queue dashboard so people can check capacity.',
    'I could not find this rule in the current procedure.'),
  (pg_temp.demo_clip(16), pg_temp.demo_person(2), 'approve', '',
    'Matches what we saw in the warehouse.', '', '');

-- Endorsements -----------------------------------------------------------------

insert into public.endorsements (clip_id, endorser_id, kind, content_hash,
  created_at, expires_at)
values
  (pg_temp.demo_clip(22), pg_temp.demo_person(4), 'official', '', now(), null),
  (pg_temp.demo_clip(23), pg_temp.demo_person(4), 'official', '', now(), null),
  (pg_temp.demo_clip(17), pg_temp.demo_person(5), 'official', '', now(), null),
  (pg_temp.demo_clip(18), pg_temp.demo_person(5), 'official', '', now(), null),
  -- Expired: given 95 days ago, valid for 90.
  (pg_temp.demo_clip(19), pg_temp.demo_person(5), 'official', '',
    now() - interval '95 days', now() - interval '5 days'),
  -- Lapses below, when its author edits the note.
  (pg_temp.demo_clip(20), pg_temp.demo_person(5), 'official', '', now(), null);

update public.clips
set note = 'Updated after the new assessment form was introduced.'
where id = pg_temp.demo_clip(20);

insert into public.endorsements (clip_id, endorser_id, kind, content_hash)
select pg_temp.demo_clip(e.clip), pg_temp.demo_person(e.person), 'peer', ''
from (values (1, 2), (1, 3), (1, 4), (2, 5), (7, 1), (7, 3), (12, 6),
  (17, 1), (22, 2), (27, 3), (28, 1), (29, 2), (9, 3)) e (clip, person);

-- Withdrawn: Erin changed her mind about the queue targets.
update public.endorsements set withdrawn_at = now()
where clip_id = pg_temp.demo_clip(9) and endorser_id = pg_temp.demo_person(3);

-- Comments -----------------------------------------------------------------------

insert into public.comments (id, clip_id, author_id, parent_id, body) values
  ('e0000000-0000-4000-8000-000000000001', pg_temp.demo_clip(1),
    pg_temp.demo_person(2), null,
    'Thanks, mine was still on the legacy client.'),
  ('e0000000-0000-4000-8000-000000000002', pg_temp.demo_clip(1),
    pg_temp.demo_person(1), 'e0000000-0000-4000-8000-000000000001',
    'The service desk can switch it in five minutes.'),
  ('e0000000-0000-4000-8000-000000000003', pg_temp.demo_clip(7),
    pg_temp.demo_person(3), null,
    'Adding this to the onboarding pack.'),
  ('e0000000-0000-4000-8000-000000000004', pg_temp.demo_clip(17),
    pg_temp.demo_person(1), null,
    'Does this apply to the doors of the loading bay too?'),
  ('e0000000-0000-4000-8000-000000000005', pg_temp.demo_clip(17),
    pg_temp.demo_person(4), 'e0000000-0000-4000-8000-000000000004',
    'Yes: every door with a fire door sign.'),
  ('e0000000-0000-4000-8000-000000000006', pg_temp.demo_clip(22),
    pg_temp.demo_person(2), null,
    'Near misses too, good to spell that out.'),
  ('e0000000-0000-4000-8000-000000000007', pg_temp.demo_clip(27),
    pg_temp.demo_person(1), null,
    'Is it 60 days from the purchase or from the trip?');

-- Follows ------------------------------------------------------------------------

insert into public.follows (follower_id, followed_profile_id, followed_topic_id)
values
  (pg_temp.demo_person(1), pg_temp.demo_person(2), null),
  (pg_temp.demo_person(1), null, 'b0000000-0000-4000-8000-000000000002'),
  (pg_temp.demo_person(2), pg_temp.demo_person(1), null),
  (pg_temp.demo_person(3), null, 'b0000000-0000-4000-8000-000000000001'),
  (pg_temp.demo_person(4), pg_temp.demo_person(5), null),
  (pg_temp.demo_person(5), pg_temp.demo_person(4), null),
  (pg_temp.demo_person(6), null, 'b0000000-0000-4000-8000-000000000003');
