import { describe } from 'vitest';
import { remoteContract } from './remote-contract';
import { startStackWorld } from './stack-world';

describe('the local stack through supabase-js', () => {
  remoteContract(startStackWorld);
});
