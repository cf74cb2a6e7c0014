/**
 * Opens every store the server uses, from the configuration: PostgreSQL when DATABASE_URL is set,
 * otherwise lowdb files under DATA_DIR (the embedded default). Nothing above this module knows which.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { MailStore } from '../mail/mailStore.ts';
import { openLowdbMailStore } from '../mail/lowdbMailStore.ts';
import { openAuditLog, type AuditLog } from './auditLog.ts';
import type { DocumentStateStore } from './documentState.ts';
import { openLowdbRecords } from './lowdbRecords.ts';
import { openLowdbThreads } from './lowdbThreads.ts';
import { openLowdbVersions } from './lowdbVersions.ts';
import type { Records } from './records.ts';
import type { ThreadRepo } from './threadRecords.ts';
import { openUpdateLog } from './updateLog.ts';
import type { SignoffRepo, VersionRepo } from './versionRecords.ts';
import { openPgStores } from './pg/pgStores.ts';
import os from 'node:os';

export interface Stores {
  kind: 'lowdb' | 'postgres';
  records: Records;
  states: DocumentStateStore;
  audit: AuditLog;
  threads: ThreadRepo;
  versions: VersionRepo;
  signoffs: SignoffRepo;
  mail: MailStore;
  /** Closes everything, once the users of the stores have written what they hold. */
  close(): Promise<void>;
}

export async function openStores(config: Config, log: Logger): Promise<Stores> {
  if (config.databaseUrl) {
    // One process at a time can listen on a host's PORT for a DATA_DIR (PORT=0 aside): its mail lease's instance.
    const mailInstance = `${os.hostname()} ${config.dataDir} ${config.port}`;
    return openPgStores(config.databaseUrl, log, { schema: config.databaseSchema, mailInstance });
  }
  return openLowdbStores(config.dataDir, log);
}

export async function openLowdbStores(dataDir: string, log: Logger): Promise<Stores> {
  const records = await openLowdbRecords(dataDir);
  const states = openUpdateLog(dataDir, log);
  const audit = openAuditLog(dataDir);
  const threads = await openLowdbThreads(dataDir);
  const versionStores = await openLowdbVersions(dataDir);
  const mail = await openLowdbMailStore(dataDir);
  return {
    kind: 'lowdb',
    records,
    states,
    audit,
    threads,
    versions: versionStores.versions,
    signoffs: versionStores.signoffs,
    mail,
    async close() {
      await states.close();
      await records.close();
      await threads.close();
      await versionStores.close();
      await audit.close();
      await mail.close();
    },
  };
}
