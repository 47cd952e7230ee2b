import { liveQuery, type Observable } from 'dexie';
import type { Capture } from '@/utils/capture/capture-result';
import type { Clip } from '@/utils/models/clip';
import { validateNote, validateTags } from './annotation-rules';
import { ClipError } from './clip-errors';
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
import { matchesSearch } from './draft-search';
import { heldDrafts } from './held-drafts';

/** The meta key of the draft the popup shows: the latest one clipped. */
export const CURRENT_DRAFT_KEY = 'draft.current';

/** The parts of a draft the author edits after clipping. */
export interface Annotation {
  note?: string;
  tags?: string[];
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
        this.queue(clip.id, 'clip.upsert'),
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
   * Changes a draft's note and tags. Bad input throws a ClipError before
   * anything is written, so the stored draft stays as it was.
   */
  async annotate(id: string, annotation: Annotation): Promise<Clip> {
    const changes: Partial<Clip> = {};
    if (annotation.note !== undefined) {
      changes.note = validateNote(annotation.note);
    }
    if (annotation.tags !== undefined) {
      changes.tags = validateTags(annotation.tags);
    }

    return this.db.transaction(
      'rw',
      this.db.clips,
      this.db.outbox,
      this.db.meta,
      async () => {
        const clip = await this.requireDraft(id);
        const updated = {
          ...clip,
          ...changes,
          updatedAt: this.clock.now().toISOString(),
        };

        await this.db.clips.put(updated);
        await this.queue(id, 'clip.upsert', clip.version ?? null);
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
      const clip = await this.requireDraft(id);
      const pending = await this.pendingEntry(id);

      await clips.delete(id);
      const unseen = clip.version === null || clip.version === undefined;
      if (unseen && !pending?.sent) {
        if (pending) await outbox.delete(pending.seq as number);
        return;
      }
      await this.queue(id, 'clip.delete', clip.version ?? null);
    });
  }

  /** One clip, or undefined when there is none with that id. */
  getClip(id: string): Promise<Clip | undefined> {
    return this.db.clips.get(id);
  }

  /** My drafts, newest change first, narrowed by a search. */
  async listDrafts(search = ''): Promise<Clip[]> {
    const clips = await this.db.clips.orderBy('updatedAt').reverse().toArray();
    return clips.filter(
      (clip) => clip.state === 'draft' && matchesSearch(clip, search),
    );
  }

  /** `listDrafts` that emits again whenever a draft changes. */
  observeDrafts(search = ''): Observable<Clip[]> {
    return liveQuery(() => this.listDrafts(search));
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

  private pendingEntry(clipId: string): Promise<OutboxEntry | undefined> {
    return this.db.outbox.where('subjectId').equals(clipId).last();
  }

  /**
   * Adds a change to the outbox. Repeated edits of one clip fold into its
   * pending entry: the push sends the clip as it is then, not each edit.
   * An entry already sent is frozen: a change after it is a new entry.
   * A held draft is not queued: uploading it queues it whole.
   */
  private async queue(
    clipId: string,
    kind: OutboxKind,
    baseVersion: number | null = null,
  ): Promise<void> {
    if (await heldDrafts.has(this.db, clipId)) return;

    const pending = await this.pendingEntry(clipId);
    const open = pending && !pending.sent ? pending : undefined;
    if (open?.kind === kind) return;

    if (open) {
      await this.db.outbox.update(open.seq as number, { kind });
      return;
    }
    await this.db.outbox.add({
      changeId: this.clock.newId(),
      clipId,
      kind,
      baseVersion,
      createdAt: this.clock.now().toISOString(),
    });
  }
}
