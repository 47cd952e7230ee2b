import { signal } from '@preact/signals';
import type { PeerReplies } from '@/utils/messages/peer-protocol';
import type { FollowTarget } from '@/utils/remote/peer-wire';

/** What following reads and writes through. */
export interface FollowsServices {
  directory(): Promise<PeerReplies['directory']>;
  follow(target: FollowTarget, follow: boolean): Promise<PeerReplies['follow']>;
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean) {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/**
 * Whom the reader follows, as the feed's cards show it: read from the
 * workspace directory, changed at once on a click and put back when the
 * workspace refuses.
 */
export function createFollowsModel(services: FollowsServices) {
  const readerId = signal<string | null>(null);
  const people = signal<ReadonlySet<string>>(new Set());
  const busy = signal<ReadonlySet<string>>(new Set());
  const problem = signal<string | null>(null);

  async function load(): Promise<void> {
    const reply = await services.directory();
    if (!reply.ok) return;
    readerId.value = reply.value.me.id;
    people.value = new Set(reply.value.follows.people);
  }

  async function toggle(personId: string, follow: boolean): Promise<void> {
    busy.value = toggled(busy.value, personId, true);
    people.value = toggled(people.value, personId, follow);
    const reply = await services.follow(
      { kind: 'person', id: personId },
      follow,
    );
    busy.value = toggled(busy.value, personId, false);

    problem.value = reply.ok ? null : reply.message;
    if (!reply.ok) people.value = toggled(people.value, personId, !follow);
  }

  return { readerId, people, busy, problem, load, toggle };
}

/** Whom the reader follows, for the feed's cards. */
export type FollowsModel = ReturnType<typeof createFollowsModel>;
