/** `npm run backup -- --out FILE`: a consistent copy of DATA_DIR, also while the server runs. */
import { parseArgs } from 'node:util';
import { parseConfig } from '../server/config.ts';
import { createBackup } from '../server/backup/archive.ts';

try {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) throw new Error('Usage: npm run backup -- --out FILE');
  const config = parseConfig(process.env);
  if (config.databaseUrl) throw new Error('DATABASE_URL is set: the data is in PostgreSQL, not DATA_DIR. Back it up with pg_dump (docs/SCALING.md).');
  const result = await createBackup(config.dataDir, values.out);
  console.log(`Backed up ${result.files} files from ${config.dataDir} to ${values.out} (${result.bytes} bytes).`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
