import { describe, expect, it } from 'vitest';
import { MetaStore } from '@/utils/store/meta-store';
import { freshDatabase } from '../fakes/database';

describe('MetaStore', () => {
  it('reads back a value it kept', async () => {
    const meta = new MetaStore(freshDatabase());

    await meta.set('popup.editing', 'id-1');

    expect(await meta.get('popup.editing')).toBe('id-1');
  });

  it('forgets a removed key', async () => {
    const meta = new MetaStore(freshDatabase());
    await meta.set('popup.editing', 'id-1');

    await meta.remove('popup.editing');

    expect(await meta.get('popup.editing')).toBeUndefined();
  });
});
