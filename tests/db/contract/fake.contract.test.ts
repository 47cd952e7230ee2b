import { describe } from 'vitest';
import { startFakeWorld } from './fake-world';
import { remoteContract } from './remote-contract';

describe('the in-memory workspace', () => {
  remoteContract(startFakeWorld);
});
