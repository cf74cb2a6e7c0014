/**
 * Every store in one PostgreSQL database: connect, bring the schema up to date (under the advisory
 * lock), and hand out the repositories, all on one connection pool.
 */
import type { Logger } from '../../log.ts';
import type { Stores } from '../stores.ts';
import { connect, migrate, type ConnectOptions } from './db.ts';
import { pgAudit } from './pgAudit.ts';
import { openPgMailStore } from './pgMailStore.ts';
import { pgRecords } from './pgRecords.ts';
import { pgThreads } from './pgThreads.ts';
import { pgUpdateLog } from './pgUpdateLog.ts';
import { pgVersions } from './pgVersions.ts';

/** `mailInstance`: where this process runs, for its mail lease (pgMailStore.ts). */
export async function openPgStores(url: string, log: Logger, options: ConnectOptions & { mailInstance?: string } = {}): Promise<Stores> {
  const db = await connect(url, options);
  try {
    const applied = await migrate(db.sql);
    if (applied.length) log.info(`Database schema brought up to version ${applied.at(-1)} (applied ${applied.join(', ')})`);
    const states = pgUpdateLog(db.sql, log);
    const versionStores = pgVersions(db.sql);
    return {
      kind: 'postgres',
      records: pgRecords(db.sql),
      states,
      audit: pgAudit(db.sql),
      threads: pgThreads(db.sql),
      versions: versionStores.versions,
      signoffs: versionStores.signoffs,
      mail: await openPgMailStore(db.sql, { instance: options.mailInstance }),
      async close() {
        await states.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
