// The functions' rows of the allow/deny matrix (see rules-matrix.ts).
import { all, type Cell } from './rules-matrix.ts';

const noCall = (name: string) => `permission denied for function ${name}`;

const notReviewer = 'you can review only clips waiting for your review';

const notShared = 'this clip does not exist or is not shared with you';

const notAdmin = 'only an admin edits the publishing guide';

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
    name: 'clip_detail',
    sql: `select jsonb_array_length(clip_detail($1) -> 'reviews') as n`,
    values: (t) => [t.inReview],
    selectsCount: true,
    outcomes: [noCall('clip_detail'), notShared, 1, 1, notShared, 1, notShared],
  },
  {
    name: 'review_queue',
    sql: 'select jsonb_array_length(review_queue()) as n',
    selectsCount: true,
    outcomes: [noCall('review_queue'), 0, 0, 1, 0, 1, 0],
  },
  {
    name: 'workspace_directory',
    sql: `select jsonb_array_length(workspace_directory() -> 'topics') as n`,
    selectsCount: true,
    outcomes: [noCall('workspace_directory'), 0, 2, 2, 2, 2, 2],
  },
  {
    name: 'set_follow',
    sql: `select set_follow('topic', $1, true)`,
    values: (t) => [t.plainTopic],
    outcomes: [
      noCall('set_follow'),
      'only active members follow people and topics',
      1,
      1,
      1,
      1,
      1,
    ],
  },
  {
    name: 'save_publishing_guide',
    sql: `select save_publishing_guide('["Cite it"]', '[]')`,
    outcomes: [
      noCall('save_publishing_guide'),
      ...[0, 0, 0, 0, 0, 1].map((allowed) => (allowed ? 1 : notAdmin)),
    ],
  },
  {
    name: 'report_source_check',
    sql: 'select report_source_check($1, false)',
    values: (t) => [t.published],
    outcomes: [
      noCall('report_source_check'),
      'only active members report source checks',
      1,
      1,
      1,
      1,
      1,
    ],
  },
  {
    name: 'make_first_admin',
    sql: `select make_first_admin('author@example.com')`,
    outcomes: all(noCall('make_first_admin')),
  },
];
