import { randomUUID } from 'node:crypto';
import type {
  ClipDetail,
  DetailComment,
} from '../../../utils/remote/peer-wire';
import type { FeedItem } from '../../../utils/remote/sync-wire';
import type { HostilePayload } from './hostile-payloads';

/**
 * An author's name with markup in it. Only the server writes names, so
 * only a tampered cache can bring one.
 */
export const HOSTILE_NAME = 'Bob <img src=x onerror=alert(5)> Osei';
const HOSTILE_TEAM = '<a href="javascript:alert(6)">Operations</a>';

/** A cached feed item of a clip, made of a payload under a new id. */
export function hostileItem(
  item: FeedItem,
  id: string,
  payload: HostilePayload,
) {
  const { title, quote, note, tags } = payload;
  return {
    ...item,
    id,
    title,
    quote,
    note,
    tags,
    author_name: HOSTILE_NAME,
    author_team_name: HOSTILE_TEAM,
    topic_name: HOSTILE_TEAM,
    site: HOSTILE_TEAM,
  };
}

/** A cached clip detail made of a payload under a new id. */
export function hostileDetail(
  detail: ClipDetail,
  id: string,
  payload: HostilePayload,
): ClipDetail {
  const [first] = detail.comments;
  const comments = payload.comments.map((body, index) => ({
    ...(first as DetailComment),
    id: randomUUID(),
    body,
    author_name: HOSTILE_NAME,
    created_at: new Date(Date.now() - 60_000 + index).toISOString(),
  }));
  const { title, quote, note, tags, snippet } = payload;
  const clip = { ...detail.clip, id, title, quote, note, tags, snippet };
  return { ...detail, clip, comments };
}
