import { computed, signal } from '@preact/signals';
import type { ClipMode, ClipOutcome } from '@/utils/messages/protocol';
import type { Clip } from './clip';
import { problemFrom, type Problem } from './clip-problem';
import { debouncedSave } from './debounced-save';
import { LIMITS } from './limits';
import { splitTags } from './tag-text';

/** What the popup reaches the outside world through. */
export interface PopupServices {
  /** Asks the background to clip the active tab. */
  clipActiveTab(mode: ClipMode): Promise<ClipOutcome | { message: string }>;
  clips: {
    getClip(id: string): Promise<Clip | undefined>;
    currentDraft(): Promise<Clip | undefined>;
    annotate(
      id: string,
      changes: { note: string; tags: string[] },
    ): Promise<unknown>;
    discardDraft(id: string): Promise<void>;
  };
  openDrafts(): Promise<void>;
}

/** Whether the note and tags on screen are stored. */
export type SaveState = 'saved' | 'unsaved' | 'failed';

/**
 * The popup's state: the draft being annotated, the note and tags as
 * typed (kept even when a save is refused, so nothing typed is lost), and
 * what went wrong.
 */
export function createPopupModel(services: PopupServices, delayMs = 300) {
  const draft = signal<Clip | null>(null);
  const note = signal('');
  const tagText = signal('');
  const clipping = signal<ClipMode | null>(null);
  const problem = signal<Problem | null>(null);
  const saveState = signal<SaveState>('saved');
  const saveProblem = signal<string | null>(null);

  const noteRemaining = computed(() => LIMITS.noteChars - note.value.length);
  const tagCount = computed(() => splitTags(tagText.value).length);

  const save = debouncedSave(async () => {
    const current = draft.value;
    if (!current) return;

    try {
      const changes = { note: note.value, tags: splitTags(tagText.value) };
      await services.clips.annotate(current.id, changes);
      saveState.value = 'saved';
      saveProblem.value = null;
    } catch (error) {
      saveState.value = 'failed';
      saveProblem.value = problemFrom(error, 'The note was not saved.').message;
    }
  }, delayMs);

  function show(clip: Clip | undefined) {
    draft.value = clip ?? null;
    note.value = clip?.note ?? '';
    tagText.value = clip?.tags.join(', ') ?? '';
    saveState.value = 'saved';
    saveProblem.value = null;
  }

  /** Opens the draft the popup was last working on, if it still exists. */
  async function restore() {
    try {
      show(await services.clips.currentDraft());
    } catch (error) {
      problem.value = problemFrom(error, 'Your drafts could not be read.');
    }
  }

  /** Clips the active tab and opens the new draft. */
  async function clip(mode: ClipMode) {
    await save.flush();
    clipping.value = mode;
    problem.value = null;

    try {
      const outcome = await services.clipActiveTab(mode);
      if ('ok' in outcome && outcome.ok) {
        show(await services.clips.getClip(outcome.clipId));
      } else {
        problem.value = outcome;
      }
    } catch (error) {
      problem.value = problemFrom(error, 'Clipping failed. Try again.');
    } finally {
      clipping.value = null;
    }
  }

  function edit(field: typeof note | typeof tagText, value: string) {
    field.value = value;
    saveState.value = 'unsaved';
    save.schedule();
  }

  /** Deletes the draft on screen. */
  async function discard() {
    const current = draft.value;
    if (!current) return;

    try {
      await services.clips.discardDraft(current.id);
      show(undefined);
    } catch (error) {
      problem.value = problemFrom(error, 'The draft could not be discarded.');
    }
  }

  return {
    draft,
    note,
    tagText,
    clipping,
    problem,
    saveState,
    saveProblem,
    noteRemaining,
    tagCount,
    restore,
    clip,
    editNote: (value: string) => edit(note, value),
    editTags: (value: string) => edit(tagText, value),
    flush: () => save.flush(),
    discard,
    openDrafts: () => services.openDrafts(),
  };
}

/** The popup's state and actions, as the components see them. */
export type PopupModel = ReturnType<typeof createPopupModel>;
