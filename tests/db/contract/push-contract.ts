import { describe, expect, it } from 'vitest';
import { SERVER_BATCH_CAP } from '@/utils/remote/sync-wire';
import {
  change,
  created,
  newClip,
  type ContractDevices,
} from './contract-world';

/** The push_changes cases of the remote contract. */
export function pushContract(devices: ContractDevices): void {
  describe('push', () => {
    it('applies a new clip at version 1', async () => {
      const clip = newClip();

      const results = await devices.laptop.push([change('clip.upsert', clip)]);

      expect(results).toMatchObject([
        {
          index: 0,
          status: 'applied',
          entity: 'clip',
          id: clip.id,
          version: 1,
        },
      ]);
    });

    it('answers a resent change as the first time and changes nothing', async () => {
      const clip = newClip();
      const first = change('clip.upsert', clip);
      const [sent] = await devices.laptop.push([first]);
      await devices.laptop.push([
        change('clip.upsert', { id: clip.id, note: 'Two.' }, 1),
      ]);

      const [again] = await devices.laptop.push([first]);
      const [next] = await devices.laptop.push([
        change('clip.upsert', { id: clip.id, note: 'Three.' }, 2),
      ]);

      expect(again).toEqual(sent);
      expect(next).toMatchObject({ status: 'applied', version: 3 });
    });

    it("answers a conflict with the server's row for an old base version", async () => {
      const id = await created(devices);
      await devices.laptop.push([
        change('clip.upsert', { id, note: 'Laptop.' }, 1),
      ]);

      const [result] = await devices.desktop.push([
        change('clip.upsert', { id, note: 'Desktop.' }, 1),
      ]);

      expect(result).toMatchObject({
        status: 'conflict',
        server_version: 2,
        record: { id, note: 'Laptop.', version: 2 },
      });
    });

    it('answers a conflict when a create meets an existing clip', async () => {
      const id = await created(devices);

      const [result] = await devices.desktop.push([
        change('clip.upsert', newClip({ id })),
      ]);

      expect(result).toMatchObject({ status: 'conflict', server_version: 1 });
    });

    it('rejects a note over the limit with the reason', async () => {
      const clip = newClip({ note: 'x'.repeat(20_001) });

      const [result] = await devices.laptop.push([change('clip.upsert', clip)]);

      expect(result).toMatchObject({
        status: 'rejected',
        reason: 'note: longer than 20000 characters',
        code: '22023',
      });
    });

    it('rejects the deletion of a clip that does not exist', async () => {
      const record = { id: crypto.randomUUID() };

      const [result] = await devices.laptop.push([
        change('clip.delete', record, 1),
      ]);

      expect(result).toMatchObject({
        status: 'rejected',
        reason: 'you have no clip with this id',
      });
    });

    it('applies the rest of a batch past a rejected change', async () => {
      const bad = newClip({ source_url: 'ftp://files.example.com/a' });

      const results = await devices.laptop.push([
        change('clip.upsert', bad),
        change('clip.upsert', newClip()),
      ]);

      expect(results.map((result) => result.status)).toEqual([
        'rejected',
        'applied',
      ]);
    });

    it('applies a deletion sent again under another change id', async () => {
      const id = await created(devices);
      await devices.laptop.push([change('clip.delete', { id }, 1)]);

      const [result] = await devices.desktop.push([
        change('clip.delete', { id }, 1),
      ]);

      expect(result).toMatchObject({ status: 'applied', version: 2 });
    });

    it('refuses a batch over the server cap as a whole', async () => {
      const batch = Array.from({ length: SERVER_BATCH_CAP + 1 }, () =>
        change('clip.upsert', newClip()),
      );

      const attempt = devices.laptop.push(batch);

      await expect(attempt).rejects.toMatchObject({ code: 'bad-request' });
    });

    it('refuses a device nobody signed in on', async () => {
      const attempt = devices.world
        .signedOut()
        .push([change('clip.upsert', newClip())]);

      await expect(attempt).rejects.toMatchObject({ code: 'unauthorized' });
    });
  });
}
