-- private.is_member back in SQL, as the organisation migration made it.
-- The push_changes_speed migration rewrote it in PL/pgSQL, which made its
-- calls from push cheaper but feed_page and pull_changes two to three
-- times slower (bench/db-feed.mjs: feed_page from about 4 ms to 12 ms,
-- pull_changes of 500 rows from about 22 ms to 53 ms, on the server).
-- Reads are the budget that matters; the other helpers stay in PL/pgSQL.

-- Security definer, as before: policies of every table need the caller's
-- own profile, and reading it from inside a profiles policy would recurse.
create or replace function private.is_member() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.profiles
    where id = auth.uid() and status = 'active'
  )
$$;
