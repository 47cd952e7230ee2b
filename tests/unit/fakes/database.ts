import { openPeerclipDb, type PeerclipDb } from '@/utils/store/database';

let opened = 0;

/** A fresh, empty database in fake-indexeddb, one per test. */
export function freshDatabase(): PeerclipDb {
  opened += 1;
  return openPeerclipDb(`peerclip-test-${opened}-${Math.random()}`);
}
