/** `npm run gen:types`: regenerates utils/remote/database.types.ts. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generateTypes, typesPath } from './types.ts';

await mkdir(dirname(typesPath), { recursive: true });
await writeFile(typesPath, await generateTypes());
console.log(`Wrote ${typesPath}`);
