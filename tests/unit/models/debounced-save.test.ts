import { describe, expect, it } from 'vitest';
import { debouncedSave } from '@/utils/models/debounced-save';

describe('debouncedSave', () => {
  it('saves once after a burst of edits', async () => {
    let saves = 0;
    const save = debouncedSave(async () => void saves++, 5);

    save.schedule();
    save.schedule();
    save.schedule();
    await new Promise((resolve) => setTimeout(resolve, 30));

    expect(saves).toBe(1);
  });

  it('saves at once on flush', async () => {
    let saves = 0;
    const save = debouncedSave(async () => void saves++, 10_000);
    save.schedule();

    await save.flush();

    expect(saves).toBe(1);
  });

  it('does nothing on flush when no save waits', async () => {
    let saves = 0;
    const save = debouncedSave(async () => void saves++, 5);

    await save.flush();

    expect(saves).toBe(0);
  });
});
