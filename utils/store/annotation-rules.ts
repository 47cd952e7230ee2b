import { LIMITS } from '@/utils/models/limits';
import { ClipError } from './clip-errors';

/** Refuses a note longer than the limit, with the figures in the message. */
export function validateNote(note: string): string {
  if (note.length > LIMITS.noteChars) {
    const over = note.length - LIMITS.noteChars;
    throw new ClipError(
      'note-too-long',
      `The note is ${over.toLocaleString('en')} characters over the ` +
        `limit of ${LIMITS.noteChars.toLocaleString('en')}.`,
    );
  }

  return note;
}

/**
 * Trims tags, drops empty ones and repeats (case-insensitive, first
 * spelling wins), then refuses too many or too long tags.
 */
export function validateTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const cleaned = tags
    .map((tag) => tag.trim())
    .filter((tag) => {
      const key = tag.toLowerCase();
      if (!tag || seen.has(key)) return false;
      seen.add(key);
      return true;
    });

  const tooLong = cleaned.find((tag) => tag.length > LIMITS.tagChars);
  if (tooLong) {
    throw new ClipError(
      'tag-too-long',
      `The tag "${tooLong.slice(0, 20)}…" is longer than ` +
        `${LIMITS.tagChars} characters.`,
    );
  }
  if (cleaned.length > LIMITS.tagCount) {
    throw new ClipError(
      'too-many-tags',
      `A clip takes at most ${LIMITS.tagCount} tags; this one has ` +
        `${cleaned.length}.`,
    );
  }

  return cleaned;
}

/** Any UUID in its canonical text form, the shape of a topic's id. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Accepts the id of the topic a clip is filed under, or null for none.
 * Whether the topic exists is the server's to say: it refuses the push.
 */
export function validateTopicId(topicId: unknown): string | null {
  if (topicId === null) return null;
  if (typeof topicId !== 'string' || !UUID.test(topicId)) {
    throw new ClipError(
      'bad-topic',
      `The topic "${String(topicId).slice(0, 40)}" is not a topic id; ` +
        'choose a topic from the list or none.',
    );
  }

  return topicId.toLowerCase();
}
