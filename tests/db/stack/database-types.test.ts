import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateTypes, typesPath } from '../../../local-stack/types.ts';

describe('utils/remote/database.types.ts', () => {
  it('matches what the migrations generate (run npm run gen:types)', async () => {
    const checkedIn = await readFile(typesPath, 'utf8');

    const generated = await generateTypes();

    expect(checkedIn).toBe(generated);
  });
});
