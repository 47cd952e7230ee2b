import { isRecord } from '../../../../utils/remote/parse-answers';
import type { WireRecord } from '../../../../utils/remote/sync-wire';

/** A rule a change breaks: the fake answers it as `rejected`. */
export class FakeRejection extends Error {
  constructor(
    readonly reason: string,
    readonly code = '22023',
  ) {
    super(reason);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WEB_URL = /^https?:\/\/[^\s/?#]+\S*$/;

/** The change types push_changes knows. */
export const CHANGE_TYPES = [
  'clip.upsert',
  'clip.delete',
  'clip.submit',
  'comment.upsert',
  'comment.delete',
  'endorsement.create',
  'endorsement.withdraw',
  'review.create',
];

const CLIP_FIELDS = [
  'id',
  'kind',
  'source_url',
  'canonical_url',
  'title',
  'site',
  'quote',
  'quote_truncated',
  'selectors',
  'snippet',
  'byline',
  'excerpt',
  'note',
  'tags',
  'topic_id',
  'visibility',
  'state',
];

const TEXT_LIMITS: Record<string, number> = {
  title: 1000,
  site: 255,
  quote: 100000,
  snippet: 500000,
  byline: 1000,
  excerpt: 5000,
  note: 20000,
};

/** Checks a change's envelope as push_one does. */
export function expectChange(change: unknown): asserts change is WireRecord {
  if (!isRecord(change))
    throw new FakeRejection('a change must be a JSON object');
  expectFields(change, ['change_id', 'type', 'base_version', 'record']);
  expectUuid(change, 'change_id', true);
  if (!CHANGE_TYPES.includes(String(change.type))) {
    throw new FakeRejection(`type: must be one of ${CHANGE_TYPES.join(', ')}`);
  }
  const base = change.base_version;
  if (base !== undefined && base !== null && !isWhole(base)) {
    throw new FakeRejection('base_version: must be a whole number');
  }
  if (!isRecord(change.record)) {
    throw new FakeRejection('record: required, a JSON object');
  }
}

/** Checks a clip record as expect_clip does. */
export function expectClip(record: WireRecord, creating: boolean): void {
  expectFields(record, CLIP_FIELDS);
  expectUuid(record, 'id', true);
  expectEnum(record, 'kind', ['selection', 'page']);
  for (const field of ['source_url', 'canonical_url']) {
    expectText(record, field, 2048, creating);
    if (present(record, field) && !WEB_URL.test(String(record[field]))) {
      throw new FakeRejection(`${field}: must be an http or https URL`);
    }
  }
  for (const [field, max] of Object.entries(TEXT_LIMITS)) {
    expectText(record, field, max);
  }
  expectTags(record);
  expectUuid(record, 'topic_id');
  expectEnum(record, 'visibility', ['team', 'organisation']);
  expectEnum(record, 'state', ['draft', 'in_review', 'published', 'archived']);
}

/** Checks that only the named fields are present. */
export function expectFields(record: WireRecord, allowed: string[]): void {
  const unknown = Object.keys(record)
    .filter((key) => !allowed.includes(key))
    .sort();
  if (unknown.length > 0) {
    throw new FakeRejection(`unknown field: ${unknown.join(', ')}`);
  }
}

/** Checks a UUID field. */
export function expectUuid(
  record: WireRecord,
  field: string,
  required = false,
): void {
  expectText(record, field, 36, required);
  if (present(record, field) && !UUID.test(String(record[field]))) {
    throw new FakeRejection(`${field}: must be a UUID`);
  }
}

function expectText(
  record: WireRecord,
  field: string,
  max: number,
  required = false,
): void {
  if (!present(record, field)) {
    if (required) throw new FakeRejection(`${field}: required`);
    return;
  }
  if (typeof record[field] !== 'string') {
    throw new FakeRejection(`${field}: must be a string`);
  }
  if ([...(record[field] as string)].length > max) {
    throw new FakeRejection(`${field}: longer than ${max} characters`);
  }
}

function expectEnum(record: WireRecord, field: string, options: string[]) {
  expectText(record, field, 100);
  if (present(record, field) && !options.includes(String(record[field]))) {
    throw new FakeRejection(`${field}: must be one of ${options.join(', ')}`);
  }
}

function expectTags(record: WireRecord): void {
  if (!('tags' in record)) return;
  const tags = record.tags;
  if (!Array.isArray(tags)) {
    throw new FakeRejection('tags: must be an array of strings');
  }
  if (tags.length > 20) throw new FakeRejection('tags: more than 20 tags');
  const bad = tags.some(
    (tag) => typeof tag !== 'string' || tag.length < 1 || tag.length > 50,
  );
  if (bad) {
    throw new FakeRejection('tags: each tag is 1 to 50 characters of text');
  }
}

function present(record: WireRecord, field: string): boolean {
  return record[field] !== undefined && record[field] !== null;
}

function isWhole(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
