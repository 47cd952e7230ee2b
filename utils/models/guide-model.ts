import { computed, signal } from '@preact/signals';
import type { PeerReplies } from '@/utils/messages/peer-protocol';
import type { PolicyLink, PublishingGuide } from '@/utils/remote/peer-wire';
import { problemFrom } from './clip-problem';

/** Most checklist items, and most policy links, a guide holds. */
export const MAX_GUIDE_ENTRIES = 20;
/** Longest checklist item, in characters. */
export const MAX_CHECKLIST_ITEM = 500;
/** Longest policy link title, in characters. */
export const MAX_LINK_TITLE = 200;
/** Longest policy link address, in characters. */
export const MAX_LINK_URL = 2048;

/** What the publishing guide section reads and saves through. */
export interface GuideServices {
  /** The `directory` request; its answer carries the guide. */
  directory(): Promise<PeerReplies['directory']>;
  /** The `save-publishing-guide` request. */
  save(
    checklist: string[],
    policyLinks: PolicyLink[],
  ): Promise<PeerReplies['save-publishing-guide']>;
}

/** The admin's copy of the guide while they edit it. */
export interface GuideDraft {
  checklist: string[];
  links: PolicyLink[];
}

/** What is wrong with a draft, field by field; null where all is well. */
export interface GuideProblems {
  checklist: (string | null)[];
  links: { title: string | null; url: string | null }[];
  /** About the draft as a whole, such as an empty checklist. */
  draft: string | null;
}

/** The form of a web address the workspace accepts (is_web_url). */
const WEB_ADDRESS = /^https?:\/\/[^\s/?#]+\S*$/;

/** True for an address a policy link may point to: http(s) only. */
export function isWebAddress(text: string): boolean {
  if (!WEB_ADDRESS.test(text.trim())) return false;

  try {
    return Boolean(new URL(text.trim()).host);
  } catch {
    return false;
  }
}

function itemProblem(text: string): string | null {
  if (!text.trim()) return 'Write the item, or remove it.';
  if (text.trim().length > MAX_CHECKLIST_ITEM) {
    return `Keep the item under ${MAX_CHECKLIST_ITEM} characters.`;
  }
  return null;
}

function linkProblems({ title, url }: PolicyLink) {
  const titleProblem = !title.trim()
    ? 'Give the link a title.'
    : title.trim().length > MAX_LINK_TITLE
      ? `Keep the title under ${MAX_LINK_TITLE} characters.`
      : null;
  const urlProblem =
    url.trim().length > MAX_LINK_URL || !isWebAddress(url)
      ? 'Use a web address starting with https:// or http://.'
      : null;
  return { title: titleProblem, url: urlProblem };
}

/** Every problem of a draft at once, or null when it can be saved. */
export function validateGuide(draft: GuideDraft): GuideProblems | null {
  const problems: GuideProblems = {
    checklist: draft.checklist.map(itemProblem),
    links: draft.links.map(linkProblems),
    draft:
      draft.checklist.length === 0
        ? 'Keep at least one item: publishing asks people to tick them.'
        : null,
  };

  const fine =
    problems.draft === null &&
    problems.checklist.every((problem) => problem === null) &&
    problems.links.every((link) => !link.title && !link.url);
  return fine ? null : problems;
}

const SAVE_FAILURES: Record<string, string> = {
  offline:
    'You are offline. Your changes are kept here: save again once back ' +
    'online.',
  'not-allowed':
    'Only workspace admins can change the publishing guide. Your changes ' +
    'are kept here until you cancel.',
};

function moved<T>(list: T[], index: number, by: number): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return list;

  const next = [...list];
  const [entry] = next.splice(index, 1) as [T];
  next.splice(target, 0, entry);
  return next;
}

function trimmed(draft: GuideDraft): GuideDraft {
  return {
    checklist: draft.checklist.map((item) => item.trim()),
    links: draft.links.map(({ title, url }) => ({
      title: title.trim(),
      url: url.trim(),
    })),
  };
}

/**
 * The organisation's publishing checklist and policy links on the options
 * page: read by everyone, edited by admins. A failed save keeps the
 * admin's draft as it was, so nothing typed is lost.
 */
export function createGuideModel(services: GuideServices) {
  const guide = signal<PublishingGuide | null>(null);
  const stale = signal(false);
  const loadProblem = signal<string | null>(null);
  const draft = signal<GuideDraft | null>(null);
  const attempted = signal(false);
  const saving = signal(false);
  const saveProblem = signal<string | null>(null);
  const saved = signal(false);

  /** Shown once a save was tried, and live as the admin fixes them. */
  const problems = computed(() =>
    attempted.value && draft.value ? validateGuide(draft.value) : null,
  );

  /** Reads the guide from the directory, cached when offline. */
  async function load() {
    try {
      const answer = await services.directory();
      if (!answer.ok) {
        loadProblem.value = answer.message;
        return;
      }
      guide.value = answer.value.guide;
      stale.value = answer.stale;
      loadProblem.value = null;
    } catch (error) {
      loadProblem.value = problemFrom(
        error,
        'The publishing guide could not be read.',
      ).message;
    }
  }

  function change(next: Partial<GuideDraft>) {
    if (!draft.value) return;
    draft.value = { ...draft.value, ...next };
    saved.value = false;
  }

  /** Starts editing a copy of the guide; admins only. */
  function edit() {
    const current = guide.value;
    if (!current?.can_edit) return;

    draft.value = {
      checklist: [...current.checklist],
      links: current.policy_links.map((link) => ({ ...link })),
    };
    attempted.value = false;
    saveProblem.value = null;
    saved.value = false;
  }

  /** Drops the draft and its problems. */
  function cancel() {
    draft.value = null;
    attempted.value = false;
    saveProblem.value = null;
  }

  const checklist = () => draft.value?.checklist ?? [];
  const links = () => draft.value?.links ?? [];

  const items = {
    add: () => change({ checklist: [...checklist(), ''] }),
    set: (index: number, text: string) =>
      change({
        checklist: checklist().map((item, at) => (at === index ? text : item)),
      }),
    remove: (index: number) =>
      change({ checklist: checklist().filter((_, at) => at !== index) }),
    move: (index: number, by: number) =>
      change({ checklist: moved(checklist(), index, by) }),
  };

  const policyLinks = {
    add: () => change({ links: [...links(), { title: '', url: '' }] }),
    set: (index: number, patch: Partial<PolicyLink>) =>
      change({
        links: links().map((link, at) =>
          at === index ? { ...link, ...patch } : link,
        ),
      }),
    remove: (index: number) =>
      change({ links: links().filter((_, at) => at !== index) }),
    move: (index: number, by: number) =>
      change({ links: moved(links(), index, by) }),
  };

  async function send(edited: GuideDraft) {
    const { checklist: list, links: sent } = trimmed(edited);
    const reply = await services.save(list, sent);
    if (!reply.ok) {
      saveProblem.value =
        SAVE_FAILURES[reply.code] ??
        `${reply.message} Your changes are kept here.`;
      return;
    }
    guide.value = reply.guide;
    draft.value = null;
    attempted.value = false;
    saved.value = true;
  }

  /** Saves the draft when valid; on failure the draft stays as typed. */
  async function save() {
    const edited = draft.value;
    attempted.value = true;
    saveProblem.value = null;
    if (!edited || validateGuide(edited)) return;

    saving.value = true;
    try {
      await send(edited);
    } catch (error) {
      saveProblem.value = problemFrom(
        error,
        'The publishing guide could not be saved. Your changes are kept here.',
      ).message;
    } finally {
      saving.value = false;
    }
  }

  return {
    guide,
    stale,
    loadProblem,
    draft,
    problems,
    saving,
    saveProblem,
    saved,
    load,
    edit,
    cancel,
    items,
    policyLinks,
    save,
  };
}

/** The publishing guide's state and actions, as the components see them. */
export type GuideModel = ReturnType<typeof createGuideModel>;
