import { computed, signal } from '@preact/signals';
import type {
  EndorsementKind,
  EndorseState,
} from '@/components/shared/EndorseButton';
import type { FeedReply } from '@/utils/messages/feed-protocol';
import type { BadRequestReply } from '@/utils/messages/protocol';
import type {
  CheckPageQuotesReply,
  QuoteCheckStatus,
  QuoteToCheck,
} from '@/utils/messages/quote-check-protocol';
import type { LocalEndorsement } from '@/utils/store/discussion-types';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { problemFrom } from './clip-problem';
import { quotesToCheck, sourceChanged } from './source-check';

/** Who reads the popup, as far as endorsing goes. */
export type PopupReader =
  | { status: 'signed-in'; id: string }
  | { status: 'signed-out' }
  | { status: 'local-only' };

/** A page of the feed as the cache keeps it. */
export interface CachedPeerPage {
  items: FeedItem[];
  fetchedAt: string;
}

/** What "On this page" reads and writes through. */
export interface OnThisPageServices {
  /** The canonical URL of the active tab; null when it is no web page. */
  pageUrl(): Promise<string | null>;
  /** The first page of this page's clips from the feed cache, if any. */
  readCachedPage(target: string): Promise<CachedPeerPage | undefined>;
  /** A fresh first page, through the background. */
  fetchPage(target: string): Promise<FeedReply>;
  /** The reader's active endorsements, pending or synced, by clip id. */
  myEndorsements(clipIds: string[]): Promise<Map<string, LocalEndorsement>>;
  /**
   * Why the server refused the reader's endorsements, by clip id: the
   * refused ones leave `myEndorsements`, and the reader should know why.
   */
  myRefusals?(clipIds: string[]): Promise<Map<string, string>>;
  /** Queues an endorsement in the outbox; works offline. */
  endorse(clipId: string, kind: EndorsementKind): Promise<LocalEndorsement>;
  /** Queues a withdrawal in the outbox; works offline. */
  withdraw(endorsementId: string): Promise<void>;
  me(): Promise<PopupReader>;
  /**
   * Looks for the clips' quotes on the page in the active tab, through
   * the background; absent where no tab can be read.
   */
  checkQuotes?(
    clips: QuoteToCheck[],
    pageUrl: string,
  ): Promise<CheckPageQuotesReply | BadRequestReply>;
}

/** Where the list stands: nothing yet, a reason for none, or clips. */
export type OnThisPageStatus =
  'loading' | 'signed-out' | 'local-only' | 'no-page' | 'ready';

/** One clip of the list with the counts and the button it shows. */
export interface PageClip {
  item: FeedItem;
  peerCount: number;
  officialCount: number;
  endorse: EndorseState;
  busy: boolean;
  problem: string | null;
  /** The quote is no longer on the page, as checked here or by a peer. */
  sourceChanged: boolean;
}

/** The reader's endorsement as the list shows it. */
type ShownEndorsement = Pick<
  LocalEndorsement,
  'id' | 'kind' | 'pending' | 'expiresAt'
>;

/**
 * The reader's endorsement of a clip: the local one when this browser
 * knows it, else the server's, unless withdrawn here since the page came.
 * A withdrawal still queued from an earlier popup shows the server's
 * endorsement until the next sync, since myEndorsements lists only active
 * ones; Withdraw on it then only hides it.
 */
function shownEndorsement(
  item: FeedItem,
  mine: Map<string, LocalEndorsement>,
  withdrawn: ReadonlySet<string>,
): ShownEndorsement | null {
  const local = mine.get(item.id);
  if (local) return local;
  if (!item.my_endorsement || withdrawn.has(item.id)) return null;

  const { id, kind } = item.my_endorsement;
  return { id, kind, pending: false, expiresAt: null };
}

/** Counts the server sent, with the reader's own change since added. */
function counts(item: FeedItem, shown: ShownEndorsement | null) {
  const server = item.my_endorsement?.kind;
  const delta = (kind: EndorsementKind) =>
    (shown?.kind === kind ? 1 : 0) - (server === kind ? 1 : 0);

  return {
    peerCount: Math.max(0, item.peer_endorsement_count + delta('peer')),
    officialCount: Math.max(
      0,
      item.official_endorsement_count + delta('official'),
    ),
  };
}

/**
 * A withdrawal queued in an earlier popup is not sent yet, so the page
 * still shows the endorsement; withdrawing it again is already done.
 */
function unlessWithdrawnBefore(error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'already-withdrawn') throw error;
}

function refusedText(reason: string | undefined): string | null {
  return reason ? `The server refused your endorsement: ${reason}` : null;
}

function endorseState(
  item: FeedItem,
  readerId: string | null,
  shown: ShownEndorsement | null,
): EndorseState {
  if (readerId === null) {
    return { kind: 'unavailable', reason: 'Sign in to endorse clips.' };
  }
  if (item.author_id === readerId) return { kind: 'own-clip' };
  if (shown) {
    const { kind, pending, expiresAt } = shown;
    return { kind: 'endorsed', endorsement: kind, pending, expiresAt };
  }
  return item.can_endorse_officially
    ? { kind: 'can-endorse-officially' }
    : { kind: 'can-endorse' };
}

/**
 * "On this page" in the popup: the published clips of the active tab's
 * page, from the cache at once, then fresh from the workspace. Endorsing
 * and withdrawing go through the outbox, so they work offline, and the
 * counts show the reader's own change before the server has it.
 */
export function createOnThisPageModel(services: OnThisPageServices) {
  const status = signal<OnThisPageStatus>('loading');
  const items = signal<FeedItem[]>([]);
  const mine = signal(new Map<string, LocalEndorsement>());
  const withdrawn = signal<ReadonlySet<string>>(new Set());
  const busy = signal<ReadonlySet<string>>(new Set());
  const clipProblems = signal(new Map<string, string>());
  const refusals = signal(new Map<string, string>());
  const readerId = signal<string | null>(null);
  /** What looking for each quote on the page found, by clip id. */
  const seen = signal(new Map<string, QuoteCheckStatus>());
  /** True once the workspace could not be reached this time. */
  const offline = signal(false);
  /** Why the list could not be refreshed, when not for being offline. */
  const problem = signal<string | null>(null);

  const clips = computed<PageClip[]>(() =>
    items.value.map((item) => {
      const shown = shownEndorsement(item, mine.value, withdrawn.value);
      return {
        item,
        ...counts(item, shown),
        endorse: endorseState(item, readerId.value, shown),
        busy: busy.value.has(item.id),
        problem:
          clipProblems.value.get(item.id) ??
          (shown ? null : refusedText(refusals.value.get(item.id))),
        sourceChanged: sourceChanged(item, seen.value.get(item.id)),
      };
    }),
  );

  async function show(list: FeedItem[]) {
    const clipIds = list.map((item) => item.id);
    const [endorsements, refused] = await Promise.all([
      services.myEndorsements(clipIds),
      services.myRefusals?.(clipIds) ?? new Map<string, string>(),
    ]);
    items.value = list;
    mine.value = endorsements;
    refusals.value = refused;
    status.value = 'ready';
  }

  function failed(reply: Exclude<FeedReply, { ok: true }>) {
    if (reply.code === 'offline') offline.value = true;
    else if (reply.code === 'not-signed-in') status.value = 'signed-out';
    else if (reply.code === 'not-connected') status.value = 'local-only';
    else problem.value = reply.message;
    if (status.value === 'loading') status.value = 'ready';
  }

  async function refresh(target: string) {
    try {
      const reply = await services.fetchPage(target);
      if (!reply.ok) return failed(reply);
      offline.value = reply.stale;
      await show(reply.items);
    } catch (error) {
      problem.value = problemFrom(
        error,
        'The clips of this page could not be refreshed.',
      ).message;
      if (status.value === 'loading') status.value = 'ready';
    }
  }

  async function readCached(target: string) {
    try {
      return await services.readCachedPage(target);
    } catch (error) {
      console.warn('[peerclip] Could not read the cached clips.', error);
      return undefined;
    }
  }

  /** Looks for the listed clips' quotes on the page, once per popup. */
  async function checkSources(target: string) {
    const quotes = quotesToCheck(items.value);
    if (!services.checkQuotes || quotes.length === 0) return;

    try {
      const reply = await services.checkQuotes(quotes, target);
      if (!reply.ok) return;
      seen.value = new Map(reply.results.map((r) => [r.id, r.status]));
    } catch (error) {
      console.warn('[peerclip] Could not check the quotes on the page.', error);
    }
  }

  /**
   * Shows the cached clips of the active tab's page, then fresh ones,
   * then marks those whose quote is no longer on the page.
   */
  async function load() {
    const asked = services.me();
    const target = await services.pageUrl();
    // The page's cached clips are read while the reader is checked, and
    // shown only to a signed-in one.
    const cached = target ? readCached(target) : undefined;
    const reader = await asked;
    if (reader.status !== 'signed-in') {
      status.value = reader.status;
      return;
    }
    readerId.value = reader.id;
    if (!target) {
      status.value = 'no-page';
      return;
    }

    const page = await cached;
    if (page) {
      await show(page.items).catch((error: unknown) =>
        console.warn('[peerclip] Could not show the cached clips.', error),
      );
    }
    await refresh(target);
    await checkSources(target);
  }

  function setBusy(clipId: string, on: boolean) {
    const next = new Set(busy.value);
    if (on) next.add(clipId);
    else next.delete(clipId);
    busy.value = next;
  }

  function setClipProblem(clipId: string, message: string | null) {
    const next = new Map(clipProblems.value);
    if (message) next.set(clipId, message);
    else next.delete(clipId);
    clipProblems.value = next;
  }

  async function act(clipId: string, fallback: string, run: () => unknown) {
    setBusy(clipId, true);
    setClipProblem(clipId, null);

    try {
      await run();
    } catch (error) {
      setClipProblem(clipId, problemFrom(error, fallback).message);
    } finally {
      setBusy(clipId, false);
    }
  }

  /** Endorses a clip; queued in the outbox until the next sync. */
  function endorse(clipId: string, kind: EndorsementKind) {
    return act(clipId, 'The endorsement could not be saved.', async () => {
      const endorsement = await services.endorse(clipId, kind);
      mine.value = new Map(mine.value).set(clipId, endorsement);
    });
  }

  /** Withdraws the reader's endorsement of a clip. */
  function withdraw(clipId: string) {
    const clip = clips.value.find((candidate) => candidate.item.id === clipId);
    const shown = clip && shownEndorsement(clip.item, mine.value, new Set());
    if (!shown) return Promise.resolve();

    return act(clipId, 'The endorsement could not be withdrawn.', async () => {
      await services.withdraw(shown.id).catch(unlessWithdrawnBefore);
      const next = new Map(mine.value);
      next.delete(clipId);
      mine.value = next;
      withdrawn.value = new Set(withdrawn.value).add(clipId);
    });
  }

  return { status, clips, offline, problem, load, endorse, withdraw };
}

/** "On this page"'s state and actions, as the components see them. */
export type OnThisPageModel = ReturnType<typeof createOnThisPageModel>;
