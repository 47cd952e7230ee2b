import type { RemoteApi } from '../../../utils/remote/remote-api';
import type {
  PullPage,
  WireChange,
  WireRecord,
} from '../../../utils/remote/sync-wire';

/** A workspace the contract runs against: the fake or the local stack. */
export interface ContractWorld {
  /**
   * Confirmed accounts of one organisation and their password: Alice and
   * Bob are teammates; the admin keeps the publishing guide.
   */
  accounts: { alice: string; bob: string; admin: string; password: string };
  /** A new device of the person, signed in with the password. */
  device(email: string): Promise<RemoteApi>;
  /** A device nobody signed in on. */
  signedOut(): RemoteApi;
  /** The last one-time code emailed to the address. */
  latestCode(email: string): string | undefined;
  stop(): Promise<void>;
}

/** The devices every contract case uses: two of Alice's. */
export interface ContractDevices {
  world: ContractWorld;
  laptop: RemoteApi;
  desktop: RemoteApi;
}

/** A clip Alice's laptop created, at version 1. */
export async function created(devices: ContractDevices): Promise<string> {
  const clip = newClip();
  const [result] = await devices.laptop.push([change('clip.upsert', clip)]);
  if (result?.status !== 'applied') throw new Error('create was not applied');
  return String(clip.id);
}

/** A new clip as a client creates it. */
export function newClip(overrides: WireRecord = {}): WireRecord {
  return {
    id: crypto.randomUUID(),
    kind: 'selection',
    source_url: 'https://wiki.example.com/safety/lifting?ref=mail',
    canonical_url: 'https://wiki.example.com/safety/lifting',
    title: 'Safe lifting',
    site: 'wiki.example.com',
    quote: 'Bend your knees, not your back. Keep the load close.',
    note: 'Worth a reminder before the stock take.',
    tags: ['safety'],
    ...overrides,
  };
}

/** A change with a fresh change id. */
export function change(
  type: WireChange['type'],
  record: WireRecord,
  base?: number,
): WireChange {
  const made: WireChange = { change_id: crypto.randomUUID(), type, record };
  if (base !== undefined) made.base_version = base;
  return made;
}

/** Pulls to the end and answers the cursor, so a case sees only its own. */
export async function latestCursor(remote: RemoteApi): Promise<number> {
  let page: PullPage = { changes: [], cursor: 0, hasMore: true };
  while (page.hasMore) page = await remote.pull(page.cursor, 1000);
  return page.cursor;
}
