import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncScheduler } from '@/utils/background/sync-scheduler';
import { INITIAL_SYNC_STATE } from '@/utils/sync/sync-state';

/** A run that counts its calls and waits to be let go. */
function gatedRun() {
  const gate = { runs: 0, release: () => undefined as void };
  const run = () => {
    gate.runs += 1;
    return new Promise<typeof INITIAL_SYNC_STATE>((resolve) => {
      gate.release = () => resolve(INITIAL_SYNC_STATE);
    });
  };
  return { gate, run };
}

describe('createSyncScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once more after a run asked for while one was going', async () => {
    const { gate, run } = gatedRun();
    const scheduler = createSyncScheduler(run);
    const first = scheduler.now();
    const second = scheduler.now();
    const third = scheduler.now();

    gate.release();
    await vi.advanceTimersByTimeAsync(0);
    gate.release();
    await Promise.all([first, second, third]);

    expect(gate.runs).toBe(2);
  });

  it('gathers changes close together into one run', async () => {
    let runs = 0;
    const scheduler = createSyncScheduler(async () => {
      runs += 1;
      return INITIAL_SYNC_STATE;
    }, 2000);

    scheduler.soon();
    await vi.advanceTimersByTimeAsync(1500);
    scheduler.soon();
    await vi.advanceTimersByTimeAsync(2000);

    expect(runs).toBe(1);
  });

  it('drops a pending run that a run started now covers', async () => {
    let runs = 0;
    const scheduler = createSyncScheduler(async () => {
      runs += 1;
      return INITIAL_SYNC_STATE;
    }, 2000);

    scheduler.soon();
    await scheduler.now();
    await vi.advanceTimersByTimeAsync(2000);

    expect(runs).toBe(1);
  });

  it('waits for the quiet time before running', async () => {
    let runs = 0;
    const scheduler = createSyncScheduler(async () => {
      runs += 1;
      return INITIAL_SYNC_STATE;
    }, 2000);

    scheduler.soon();
    await vi.advanceTimersByTimeAsync(1999);

    expect(runs).toBe(0);
  });
});
