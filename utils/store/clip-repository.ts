import { liveQuery, type Observable } from 'dexie';
import type { Capture } from '@/utils/capture/capture-result';
import type { Clip, ClipState } from '@/utils/models/clip';
import type { WireRecord } from '@/utils/remote/sync-wire';
import { clipToRecord } from '@/utils/sync/clip-wire';
import {
  validateNote,
  validateTags,
  validateTopicId,
} from './annotation-rules';
import { ClipError } from './clip-errors';
import { createdClips } from './created-clips';
import {
  EDITABLE_STATES,
  isMine,
  listOwnClips,
  readerIdOf,
} from './clip-lists';
import type {
  OutboxEntry,
  OutboxKind,
  PeerclipDb,
  StoredClip,
} from './database';
import {
  draftFromCapture,
  systemClock,
  type DraftClock,
} from './draft-from-capture';
import { heldDrafts } from './held-drafts';
import { outboxInFlight } from './outbox-in-flight';

/** The meta key of the draft the popup shows: the latest one clipped. */
export const CURRENT_DRAFT_KEY = 'draft.current';

/** The states `listDrafts` shows. */
const DRAFT_STATES: ReadonlySet<ClipState> = new Set(['draft']);

/** The parts of a clip its author edits after clipping. */
export interface Annotation {
  note?: string;
  tags?: string[];
  /** The topic the clip is filed under; null files it under none. */
  topicId?: string | null;
}

/**
 * The clips of this browser. Every write goes with its outbox entry in one
 * transaction, so a change is either saved and queued for sync, or neither.
 */
export class ClipRepository {
  constructor(
    private readonly db: PeerclipDb,
    private readonly clock: DraftClock = systemClock,
  ) {}

  /**
   * Saves a new draft from a capture, queues it for sync and makes it the
   * current draft, which the popup opens to annotate.
   */
  async createDraft(capture: Capture): Promise<Clip> {
    const clip = draftFromCapture(capture, this.clock);
    const { clips, outbox, meta } = this.db;

    await this.db.transaction('rw', clips, outbox, meta, () =>
      Promise.all([
        clips.add(clip),
        this.queueUpsert(clip, null),
        meta.put({ key: CURRENT_DRAFT_KEY, value: clip.id }),
      ]),
    );

    return clip;
  }

  /** The latest clipped draft, unless it was discarded or moved on. */
  async currentDraft(): Promise<Clip | undefined> {
    const entry = await this.db.meta.get(CURRENT_DRAFT_KEY);
    const clip = entry && (await this.db.clips.get(String(entry.value)));
    return clip?.state === 'draft' ? clip : undefined;
  }

  /**
   * Changes the note, tags and topic of one of my clips: a draft, or a
   * clip in review or published, whose edit the server takes as a new
   * text (approvals and official endorsements of the old one lapse). Bad
   * input throws a ClipError before anything is written.
   */
  async annotate(id: string, annotation: Annotation): Promise<Clip> {
    const changes: Partial<Clip> = {};
    if (annotation.note !== undefined) {
      changes.note = validateNote(annotation.note);
    }
    if (annotation.tags !== undefined) {
      changes.tags = validateTags(annotation.tags);
    }
    if (annotation.topicId !== undefined) {
      changes.topicId = validateTopicId(annotation.topicId);
    }

    return this.db.transaction(
      'rw',
      this.db.clips,
      this.db.outbox,
      this.db.meta,
      async () => {
        const clip = await this.requireEditableOwnClip(id);
        const updated = {
          ...clip,
          ...changes,
          updatedAt: this.clock.now().toISOString(),
        };

        const version = clip.version ?? (await this.createdVersion(id));
        await this.db.clips.put(updated);
        await outboxInFlight.touch(this.db, id);
        await this.queueUpsert(updated, version);
        return updated;
      },
    );
  }

  /**
   * Deletes a draft. A draft the server never saw leaves nothing to send,
   * unless its creation is already on the way; otherwise its deletion is
   * queued, so a later pull cannot bring it back.
   */
  async discardDraft(id: string): Promise<void> {
    const { clips, outbox, meta } = this.db;
    await this.db.transaction('rw', clips, outbox, meta, async () => {
      const clip = await this.requireEditableDraft(id);
      const pending = await this.latestEntry(id);
      const version = clip.version ?? (await this.createdVersion(id));

      await clips.delete(id);
      await outboxInFlight.touch(this.db, id);
      if (version === null && !pending.sent) {
        if (pending.entry) await outbox.delete(pending.entry.seq as number);
        return;
      }
      await this.queue({
        clipId: id,
        kind: 'clip.delete',
        baseVersion: version,
      });
    });
  }

  /** One clip, or undefined when there is none with that id. */
  getClip(id: string): Promise<Clip | undefined> {
    return this.db.clips.get(id);
  }

  /**
   * Sends a draft for publishing, with the version of the publishing
   * checklist its author ticked. The draft shows as being sent until a
   * pull brings its new state; asking again meanwhile queues nothing.
   */
  async submitForPublishing(
    id: string,
    checklistVersion: number,
  ): Promise<void> {
    if (!Number.isInteger(checklistVersion) || checklistVersion < 0) {
      throw new ClipError(
        'bad-checklist-version',
        `The checklist version ${checklistVersion} is not a whole number.`,
      );
    }
    const { clips, outbox, meta } = this.db;
    await this.db.transaction('rw', clips, outbox, meta, async () => {
      const clip = await this.requireDraft(id);
      if (clip.submitting) return;
      if (await heldDrafts.has(this.db, id)) {
        throw new ClipError(
          'held',
          'Upload this draft to the workspace before publishing it.',
        );
      }

      await clips.update(id, { submitting: true });
      await outbox.add({
        changeId: this.clock.newId(),
        clipId: id,
        subjectId: id,
        kind: 'clip.submit',
        baseVersion: clip.version ?? null,
        createdAt: this.clock.now().toISOString(),
        record: { id, checklist_version: checklistVersion },
      });
    });
  }

  /**
   * My drafts, newest change first, narrowed by a search. Drafts of
   * others never show here; drafts written without an account have no
   * author yet and are mine.
   */
  listDrafts(search = ''): Promise<Clip[]> {
    return listOwnClips(this.db, DRAFT_STATES, search);
  }

  /**
   * My clips, for "My clips": drafts, those in review and those
   * published, newest change first, narrowed by a search.
   */
  listMine(search = ''): Promise<Clip[]> {
    return listOwnClips(this.db, EDITABLE_STATES, search);
  }

  /**
   * The clips in review that wait for the reader, as the last pull left
   * them: others' clips, oldest submission first.
   */
  async listAwaitingReview(readerId: string): Promise<StoredClip[]> {
    return this.db.clips
      .where('state')
      .equals('in_review')
      .filter((clip) => !!clip.authorId && clip.authorId !== readerId)
      .sortBy('updatedAt');
  }

  /** `listDrafts` that emits again whenever a draft changes. */
  observeDrafts(search = ''): Observable<Clip[]> {
    return liveQuery(() => this.listDrafts(search));
  }

  /** `listMine` that emits again whenever one of my clips changes. */
  observeMine(search = ''): Observable<Clip[]> {
    return liveQuery(() => this.listMine(search));
  }

  /** `getClip` that emits again whenever that clip changes. */
  observeClip(id: string): Observable<Clip | undefined> {
    return liveQuery(() => this.getClip(id));
  }

  private async requireDraft(id: string): Promise<StoredClip> {
    const clip = await this.db.clips.get(id);
    if (!clip) {
      throw new ClipError('not-found', 'This draft no longer exists.');
    }
    if (clip.state !== 'draft') {
      throw new ClipError('not-a-draft', 'Only drafts can be changed here.');
    }
    return clip;
  }

  /** A draft that may change: not on its way to publishing. */
  private async requireEditableDraft(id: string): Promise<StoredClip> {
    const clip = await this.requireDraft(id);
    refuseWhileSubmitting(clip);
    return clip;
  }

  /**
   * A clip of the reader whose annotation may change: a draft not on its
   * way to publishing, or a clip in review or published.
   */
  private async requireEditableOwnClip(id: string): Promise<StoredClip> {
    const clip = await this.db.clips.get(id);
    if (!clip) {
      throw new ClipError('not-found', 'This clip no longer exists.');
    }
    // The server sends no one else's drafts: only clips in review can be
    // another's here, and they wait for the reader's review, not edits.
    const draft = clip.state === 'draft';
    if (!draft && !isMine(clip, await readerIdOf(this.db))) {
      throw new ClipError('not-mine', 'Only its author can change this clip.');
    }
    if (!EDITABLE_STATES.has(clip.state)) {
      throw new ClipError('archived', 'An archived clip can no longer change.');
    }
    refuseWhileSubmitting(clip);
    return clip;
  }

  /** The version the server gave a clip just created here, if it did. */
  private createdVersion(clipId: string): Promise<number | null> {
    // Chained, not awaited: see latestEntry.
    return createdClips
      .facts(this.db)
      .then((facts) => facts.get(clipId)?.version ?? null);
  }

  /** The clip's latest queued entry, and whether it is in flight. */
  private latestEntry(
    clipId: string,
  ): Promise<{ entry?: OutboxEntry; sent: boolean }> {
    // Chained, not awaited, for createDraft's transaction: see heldDrafts.
    const latest = this.db.outbox.where('subjectId').equals(clipId).last();
    return latest.then((entry) => {
      if (!entry) return { sent: false };
      const sent = outboxInFlight.isSent(this.db, entry);
      return sent.then((isSent) => ({ entry, sent: isSent }));
    });
  }

  /** Queues the clip as it is now, made on the given server version. */
  private queueUpsert(
    clip: StoredClip,
    baseVersion: number | null,
  ): Promise<void> {
    const record = clipToRecord(clip);
    return this.queue({
      clipId: clip.id,
      kind: 'clip.upsert',
      baseVersion,
      record,
    });
  }

  /**
   * Adds a change to the outbox. Repeated changes of one clip fold into
   * its pending entry: the push sends the clip as it was last queued, not
   * each edit. An entry already sent is frozen: a change after it is a new
   * entry, whose version is the one the answer to the first brings.
   * A held draft is not queued: uploading it queues it whole.
   */
  private async queue(change: QueuedChange): Promise<void> {
    const { clipId, kind, record } = change;
    if (await heldDrafts.has(this.db, clipId)) return;

    const pending = await this.latestEntry(clipId);
    const open = pending.sent ? undefined : pending.entry;
    // The clip knows the version the server gave since it was queued.
    const baseVersion = change.baseVersion ?? open?.baseVersion ?? null;
    if (open) {
      await this.db.outbox.update(open.seq!, { kind, baseVersion, record });
      return;
    }

    await this.db.outbox.add({
      changeId: this.clock.newId(),
      clipId,
      kind,
      baseVersion,
      createdAt: this.clock.now().toISOString(),
      ...(record ? { record } : {}),
      ...(pending.sent ? { baseUnknown: true } : {}),
    });
  }
}

/** A change of a clip, as the repository queues it. */
interface QueuedChange {
  clipId: string;
  kind: OutboxKind;
  baseVersion: number | null;
  /** What to send; none for a deletion. */
  record?: WireRecord;
}

function refuseWhileSubmitting(clip: StoredClip): void {
  if (clip.submitting) {
    throw new ClipError(
      'submitting',
      'This draft is being sent for publishing; it can change once sent.',
    );
  }
}
