// The functions' rows of the allow/deny matrix (see rules-matrix.ts).
import { all, type Cell } from './rules-matrix.ts';

const noCall = (name: string) => `permission denied for function ${name}`;

const notReviewer = 'you can review only clips waiting for your review';

/** Every function people can reach through rpc. */
export const functionCells: Cell[] = [
  {
    name: 'push_changes',
    sql: `select count(*) filter (where r ->> 'status' = 'applied') as n
      from jsonb_array_elements(push_changes(jsonb_build_array(
        jsonb_build_object('change_id', gen_random_uuid(),
          'type', 'clip.upsert', 'record', jsonb_build_object(
            'id', gen_random_uuid(), 'source_url', 'https://a.example.com/',
            'canonical_url', 'https://a.example.com/')))) -> 'results') r`,
    selectsCount: true,
    outcomes: [noCall('push_changes'), 0, 1, 1, 1, 1, 1],
  },
  {
    name: 'pull_changes',
    sql: `select jsonb_array_length(pull_changes(0, 100) -> 'changes') as n`,
    selectsCount: true,
    outcomes: [noCall('pull_changes'), 0, 6, 4, 0, 1, 0],
  },
  {
    name: 'feed_page',
    sql: `select jsonb_array_length(feed_page('everyone') -> 'items') as n`,
    selectsCount: true,
    outcomes: [noCall('feed_page'), 0, 1, 1, 1, 1, 1],
  },
  {
    name: 'endorse',
    sql: 'select * from endorse($1)',
    values: (t) => [t.published],
    outcomes: [
      noCall('endorse'),
      'you can endorse only published clips you can see',
      'nobody endorses their own clip',
      'you already endorse this text of the clip',
      1,
      1,
      1,
    ],
  },
  {
    name: 'withdraw_endorsement',
    sql: 'select * from withdraw_endorsement($1)',
    values: (t) => [t.endorsement],
    outcomes: [
      noCall('withdraw_endorsement'),
      ...[0, 0, 1, 0, 0, 0].map((allowed) =>
        allowed ? 1 : 'you hold no endorsement with this id to withdraw',
      ),
    ],
  },
  {
    name: 'submit_for_review',
    sql: 'select * from submit_for_review($1, $2)',
    values: (t) => [t.draft, t.checklistVersion],
    outcomes: [
      noCall('submit_for_review'),
      ...[0, 1, 0, 0, 0, 0].map((allowed) =>
        allowed ? 1 : 'only your own drafts go to review',
      ),
    ],
  },
  {
    name: 'review',
    sql: `select * from review($1, 'approve')`,
    values: (t) => [t.inReview],
    outcomes: [
      noCall('review'),
      notReviewer,
      'nobody reviews their own clip',
      1,
      notReviewer,
      1,
      notReviewer,
    ],
  },
  {
    name: 'make_first_admin',
    sql: `select make_first_admin('author@example.com')`,
    outcomes: all(noCall('make_first_admin')),
  },
];
