import { describe, expect, it } from 'vitest';
import { createStorageModel } from '@/utils/models/storage-model';

describe('createStorageModel', () => {
  it('reads persistent when the browser grants it', async () => {
    const model = createStorageModel({
      persisted: async () => false,
      persist: async () => true,
    });

    await model.request();

    expect(model.persistence.value).toBe('persistent');
  });

  it('reads refused when the browser says no', async () => {
    const model = createStorageModel({
      persisted: async () => false,
      persist: async () => false,
    });

    await model.request();

    expect(model.persistence.value).toBe('refused');
  });

  it('does not ask again when storage is already persistent', async () => {
    let asked = 0;
    const model = createStorageModel({
      persisted: async () => true,
      persist: async () => Boolean(++asked),
    });

    await model.request();

    expect(asked).toBe(0);
  });
});
