import type { FollowTarget, PolicyLink } from '@/utils/remote/peer-wire';
import { BadRequestError } from './bad-request-error';
import type { PeerRequest } from './peer-protocol';

const PEER_TYPES: readonly PeerRequest['type'][] = [
  'clip-detail',
  'review-queue',
  'directory',
  'follow',
  'save-publishing-guide',
  'activity-seen',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Most checklist items and policy links the background passes on. */
const MAX_GUIDE_ENTRIES = 50;
const MAX_GUIDE_TEXT = 2048;

/** True for the type of a request of the social half. */
export function isPeerRequestType(type: unknown): type is PeerRequest['type'] {
  return PEER_TYPES.includes(type as PeerRequest['type']);
}

/**
 * Reads a peer request, or throws BadRequestError naming the field that
 * is wrong. The server checks the guide's rules; this only checks shapes.
 */
export function parsePeerRequest(
  type: PeerRequest['type'],
  fields: Record<string, unknown>,
): PeerRequest {
  switch (type) {
    case 'clip-detail':
      return { type, clipId: uuid(fields.clipId, 'clipId') };
    case 'follow':
      return {
        type,
        target: followTarget(fields.target),
        follow: flag(fields.follow, 'follow'),
      };
    case 'save-publishing-guide':
      return {
        type,
        checklist: texts(fields.checklist, 'checklist'),
        policyLinks: links(fields.policyLinks),
      };
    default:
      return { type };
  }
}

function uuid(value: unknown, name: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new BadRequestError(`"${name}" must be a UUID.`);
  }
  return value;
}

function flag(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') {
    throw new BadRequestError(`"${name}" must be true or false.`);
  }
  return value;
}

function followTarget(value: unknown): FollowTarget {
  const target = (value ?? {}) as Record<string, unknown>;
  if (target.kind !== 'person' && target.kind !== 'topic') {
    throw new BadRequestError('"target.kind" must be "person" or "topic".');
  }
  return { kind: target.kind, id: uuid(target.id, 'target.id') };
}

function texts(value: unknown, name: string): string[] {
  const list = entries(value, name);
  if (!list.every((entry) => isShortText(entry))) {
    throw new BadRequestError(`"${name}" must hold only short strings.`);
  }
  return list as string[];
}

function links(value: unknown): PolicyLink[] {
  return entries(value, 'policyLinks').map((entry) => {
    const { title, url } = (entry ?? {}) as Record<string, unknown>;
    if (!isShortText(title) || !isShortText(url)) {
      throw new BadRequestError(
        'Each policy link needs a "title" and a "url" string.',
      );
    }
    return { title, url };
  });
}

function entries(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value) || value.length > MAX_GUIDE_ENTRIES) {
    throw new BadRequestError(
      `"${name}" must be a list of at most ${MAX_GUIDE_ENTRIES}.`,
    );
  }
  return value;
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_GUIDE_TEXT;
}
