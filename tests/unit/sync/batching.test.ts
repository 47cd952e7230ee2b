import { describe, expect, it } from 'vitest';
import type { WireChange } from '@/utils/remote/sync-wire';
import { changeBytes, planBatches } from '@/utils/sync/batching';

function change(note = 'A short note.'): WireChange {
  return {
    change_id: crypto.randomUUID(),
    type: 'clip.upsert',
    record: { id: crypto.randomUUID(), note },
  };
}

describe('planBatches', () => {
  it('splits changes at the item limit', () => {
    const changes = Array.from({ length: 7 }, () => change());

    const batches = planBatches(changes, { maxItems: 3, maxBytes: 1e9 });

    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 1]);
  });

  it('splits changes before a batch passes the byte limit', () => {
    const changes = Array.from({ length: 4 }, () => change('x'.repeat(1000)));
    const maxBytes = changeBytes(changes[0]!) * 2 + 10;

    const batches = planBatches(changes, { maxItems: 100, maxBytes });

    expect(batches.map((batch) => batch.length)).toEqual([2, 2]);
  });

  it('sends a change larger than the byte limit alone', () => {
    const changes = [change(), change('x'.repeat(5000)), change()];

    const batches = planBatches(changes, { maxItems: 100, maxBytes: 1000 });

    expect(batches.map((batch) => batch.length)).toEqual([1, 1, 1]);
  });

  it('keeps the outbox order across batches', () => {
    const changes = Array.from({ length: 5 }, () => change());

    const batches = planBatches(changes, { maxItems: 2, maxBytes: 1e9 });

    expect(batches.flat()).toEqual(changes);
  });

  it('plans nothing for an empty outbox', () => {
    expect(planBatches([])).toEqual([]);
  });
});
