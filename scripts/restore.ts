/** `npm run restore -- --from FILE [--force]`: restores a backup into DATA_DIR (the server must be stopped). */
import { parseArgs } from 'node:util';
import { parseConfig } from '../server/config.ts';
import { restoreBackup } from '../server/backup/restore.ts';

try {
  const { values } = parseArgs({ options: { from: { type: 'string' }, force: { type: 'boolean', default: false } } });
  if (!values.from) throw new Error('Usage: npm run restore -- --from FILE [--force]');
  const config = parseConfig(process.env);
  if (config.databaseUrl) throw new Error('DATABASE_URL is set: the data is in PostgreSQL, not DATA_DIR. Restore it with pg_restore (docs/SCALING.md).');
  const result = await restoreBackup(config.dataDir, values.from, { force: values.force });
  console.log(`Restored ${result.files} files into ${config.dataDir}.`);
  if (result.movedAside) console.log(`The data that was there is kept in ${result.movedAside}.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
