import type {
  RemoteApi,
  RemoteSession,
} from '../../../../utils/remote/remote-api';
import { RemoteError } from '../../../../utils/remote/remote-error';
import { clipDetailOf, directoryOf, reviewQueueOf } from './fake-peer-reads';
import { saveGuideOf, setFollowOf } from './fake-peer-writes';
import { reportSourceCheckOf } from './fake-source-checks';
import type { FakeWorkspace } from './fake-workspace';

/**
 * What the next push or pull meets on the network:
 * - `before-send`: the request never reaches the server;
 * - `after-apply`: the server does the work, the answer is lost;
 * - `deliver-twice`: the request arrives twice; the second answer returns.
 */
export type NetworkFault = 'before-send' | 'after-apply' | 'deliver-twice';

/** The levers a test pulls on one device's connection. */
export interface FakeNetwork {
  offline: boolean;
  /** Faults for the next calls, first one first. */
  faults: NetworkFault[];
  /** Requests that reached the server. */
  requests: number;
}

/** A RemoteApi of one device, with its network and session in reach. */
export interface FakeRemote extends RemoteApi {
  network: FakeNetwork;
  /**
   * Lets the access token run out. The next getSession refreshes it, or,
   * when `revoked`, fails as unauthorized and forgets the session, as
   * supabase-js does when the auth server refuses the refresh token.
   */
  expireSession(options?: { revoked?: boolean }): void;
}

const offline = () =>
  new RemoteError('offline', 'The workspace cannot be reached.');
const unauthorized = () =>
  new RemoteError('unauthorized', 'Sign in again to sync.');

/** One device's connection to a FakeWorkspace. */
export function createFakeRemote(workspace: FakeWorkspace): FakeRemote {
  const network: FakeNetwork = { offline: false, faults: [], requests: 0 };
  let session: RemoteSession | null = null;
  let expired: 'no' | 'yes' | 'revoked' = 'no';

  // Everything crosses the wire as JSON, as with the real server.
  const send = <T>(work: () => T): T => {
    const fault = network.offline ? 'before-send' : network.faults.shift();
    if (fault === 'before-send') throw offline();
    if (!session || expired !== 'no') throw unauthorized();

    network.requests += 1;
    if (fault === 'deliver-twice') work();
    const answer = JSON.parse(JSON.stringify(work())) as T;
    if (fault === 'after-apply') throw offline();
    return answer;
  };

  const signIn = (email: string): RemoteSession => {
    const user = workspace.users.find((candidate) => candidate.email === email);
    if (!user) throw new RemoteError('invalid-credentials', 'Wrong email.');
    expired = 'no';
    session = { userId: user.id, email, expiresAt: 4102444800 };
    return session;
  };

  return {
    network,
    expireSession: ({ revoked = false } = {}) => {
      expired = revoked ? 'revoked' : 'yes';
    },
    push: async (batch) => {
      const wire = JSON.parse(JSON.stringify(batch)) as unknown;
      return send(() => workspace.push(session?.userId ?? '', wire));
    },
    pull: async (since, max) =>
      send(() => workspace.pull(session?.userId ?? '', since, max)),
    feedPage: async (query) =>
      send(() => workspace.feedPage(session?.userId ?? '', query)),
    clipDetail: async (clipId) =>
      send(() => clipDetailOf(workspace, session?.userId ?? '', clipId)),
    reviewQueue: async () =>
      send(() => reviewQueueOf(workspace, session?.userId ?? '')),
    directory: async () =>
      send(() => directoryOf(workspace, session?.userId ?? '')),
    setFollow: async (target, follow) => {
      const wire = JSON.parse(JSON.stringify(target)) as typeof target;
      send(() => {
        setFollowOf(workspace, session?.userId ?? '', wire, follow);
        return null;
      });
    },
    savePublishingGuide: async (checklist, policyLinks) => {
      const wire = JSON.parse(JSON.stringify([checklist, policyLinks]));
      return send(() =>
        saveGuideOf(workspace, session?.userId ?? '', wire[0], wire[1]),
      );
    },
    reportSourceChecks: async (checks) => {
      const wire = JSON.parse(JSON.stringify(checks)) as typeof checks;
      send(() => {
        const userId = session?.userId ?? '';
        let refused: unknown;
        for (const { clipId, found } of wire) {
          try {
            reportSourceCheckOf(workspace, userId, clipId, found);
          } catch (error) {
            refused ??= error;
          }
        }
        if (refused) throw refused;
        return null;
      });
    },
    signInWithPassword: async (email, password) => {
      if (network.offline) throw offline();
      const user = workspace.users.find(
        (candidate) => candidate.email === email,
      );
      if (user?.password !== password) {
        throw new RemoteError('invalid-credentials', 'Wrong password.');
      }
      return signIn(email);
    },
    signInWithOtp: async (email) => {
      if (network.offline) throw offline();
      workspace.mailbox.set(email, String(100000 + workspace.mailbox.size));
    },
    verifyOtp: async (email, code) => {
      if (network.offline) throw offline();
      if (!code || workspace.mailbox.get(email) !== code) {
        throw new RemoteError('invalid-credentials', 'Wrong code.');
      }
      workspace.mailbox.delete(email);
      return signIn(email);
    },
    getSession: async () => {
      if (expired === 'no' || !session) return session;
      if (network.offline) throw offline();
      const wasRevoked = expired === 'revoked';
      expired = 'no';
      if (session && wasRevoked) {
        session = null;
        throw unauthorized();
      }
      return session;
    },
    signOut: async () => {
      session = null;
    },
  };
}
