-- Clips: what people capture, with its life from draft to published.
-- The limits are PRODUCT.md's: quote 100,000 characters, snippet 500,000
-- bytes of UTF-8, note 20,000 characters, 20 tags of 50 characters.

-- Value checks, shared by constraints and by push_changes' validation.
create function private.is_web_url(value text) returns boolean
language sql immutable set search_path = ''
as $$
  select value ~ '^https?://[^[:space:]/?#]+[^[:space:]]*$'
    and char_length(value) <= 2048
$$;

create function private.tags_valid(tags text[]) returns boolean
language sql immutable set search_path = ''
as $$
  select coalesce(cardinality(tags), 0) <= 20
    and array_position(tags, null) is null
    and not exists (
      select 1 from unnest(tags) t where char_length(t) not between 1 and 50
    )
$$;

-- The text an endorsement or a review is bound to. A NUL byte cannot occur
-- in text, so it separates quote and note unambiguously.
create function private.content_hash(quote text, note text) returns text
language sql immutable set search_path = ''
as $$
  select encode(
    sha256(convert_to(quote, 'UTF8') || '\x00'::bytea
      || convert_to(note, 'UTF8')),
    'hex')
$$;

revoke all on function private.is_web_url(text) from public;
revoke all on function private.tags_valid(text[]) from public;
revoke all on function private.content_hash(text, text) from public;
grant execute on function private.is_web_url(text)
  to authenticated, service_role;
grant execute on function private.tags_valid(text[])
  to authenticated, service_role;
grant execute on function private.content_hash(text, text)
  to authenticated, service_role;

create table public.clips (
  -- Made by the client, so a retried save never makes a second clip.
  id uuid primary key,
  author_id uuid not null default auth.uid()
    references public.profiles (id) on delete cascade,
  -- The author's team when the clip was made; `team` visibility means it.
  team_id uuid references public.teams (id) on delete set null,
  kind text not null default 'selection' check (kind in ('selection', 'page')),
  source_url text not null check (private.is_web_url(source_url)),
  canonical_url text not null check (private.is_web_url(canonical_url)),
  title text not null default '' check (char_length(title) <= 1000),
  site text not null default '' check (char_length(site) <= 255),
  quote text not null default '' check (char_length(quote) <= 100000),
  quote_truncated boolean not null default false,
  selectors jsonb not null default '[]'
    check (jsonb_typeof(selectors) = 'array'),
  snippet text not null default '' check (octet_length(snippet) <= 500000),
  byline text not null default '' check (char_length(byline) <= 1000),
  excerpt text not null default '' check (char_length(excerpt) <= 5000),
  note text not null default '' check (char_length(note) <= 20000),
  tags text[] not null default '{}' check (private.tags_valid(tags)),
  topic_id uuid references public.topics (id) on delete set null,
  state text not null default 'draft'
    check (state in ('draft', 'in_review', 'published', 'archived')),
  visibility text not null default 'organisation'
    check (visibility in ('team', 'organisation')),
  content_hash text not null,
  version integer not null default 1,
  -- The organisation's checklist version the author acknowledged.
  checklist_version integer,
  submitted_at timestamptz,
  published_at timestamptz,
  -- Freshness bucket of the feed's ranking (UTC day of publication).
  published_day date
    generated always as ((published_at at time zone 'UTC')::date) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);

create index clips_author_id_idx on public.clips (author_id, updated_at);
create index clips_review_queue_idx on public.clips (team_id)
  where state = 'in_review' and deleted_at is null;
create index clips_topic_review_idx on public.clips (topic_id)
  where state = 'in_review' and deleted_at is null;
create index clips_feed_idx
  on public.clips (published_day desc, published_at desc, id desc)
  where state = 'published' and deleted_at is null;
create index clips_feed_site_idx
  on public.clips (site, published_day desc)
  where state = 'published' and deleted_at is null;
create index clips_feed_page_idx
  on public.clips (canonical_url, published_day desc)
  where state = 'published' and deleted_at is null;
create index clips_feed_team_idx
  on public.clips (team_id, published_day desc)
  where state = 'published' and deleted_at is null;
create index clips_feed_topic_idx
  on public.clips (topic_id, published_day desc)
  where state = 'published' and deleted_at is null;

-- Who reviews a clip: the members of its team other than the author, and
-- for a regulated topic also the topic's endorsers. Security definer: the
-- rule needs every team member, not only those the caller may see.
create function private.clip_reviewers(
  author_id uuid,
  team_id uuid,
  topic_id uuid
) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select p.id from public.profiles p
  where p.team_id = clip_reviewers.team_id
    and p.status = 'active' and p.id <> clip_reviewers.author_id
  union
  select e.profile_id
  from public.topic_endorsers e
  join public.topics t on t.id = e.topic_id and t.regulated
  join public.profiles p on p.id = e.profile_id and p.status = 'active'
  where e.topic_id = clip_reviewers.topic_id
    and e.profile_id <> clip_reviewers.author_id
$$;

revoke all on function private.clip_reviewers(uuid, uuid, uuid) from public;
grant execute on function private.clip_reviewers(uuid, uuid, uuid)
  to authenticated, service_role;

