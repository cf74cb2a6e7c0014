/**
 * `npm run migrate -- --from DIR`: copies a lowdb data folder (DATA_DIR of an Accord that ran
 * without a database) into the PostgreSQL database at DATABASE_URL, then checks the copy. Safe to run
 * twice: the second run finds everything in place and changes nothing. Stop the server first.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../server/config.ts';
import { importLowdb } from '../server/storage/pg/importLowdb.ts';

try {
  const { values } = parseArgs({ options: { from: { type: 'string' } } });
  if (!values.from) throw new Error('Usage: DATABASE_URL=postgres://… npm run migrate -- --from DATA_DIR');
  const config = parseConfig(process.env);
  if (!config.databaseUrl) throw new Error('Set DATABASE_URL to the database to copy into (postgres://…).');
  const from = path.resolve(values.from);
  const { copied, check } = await importLowdb(from, config.databaseUrl, { schema: config.databaseSchema });
  console.log(`Copied from ${from}: ${Object.entries(copied).map(([what, n]) => `${n} ${what}`).join(', ')}.`);
  if (!check.ok) {
    console.error(`The copy does not match the folder:\n  ${check.problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('Checked: every count and every document state matches the folder.');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
