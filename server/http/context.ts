/** What every route handler can reach: the signed-in person and the server's services. */
import type { PersonRecord, Records } from '../storage/records.ts';
import type { SessionService } from '../people/sessions.ts';
import type { CollabServer } from '../collab/collabServer.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { AuditLog } from '../storage/auditLog.ts';
import type { ThreadRepo } from '../storage/threadRecords.ts';
import type { DocumentEvents } from '../documents/events.ts';
import type { SignoffRepo, VersionRepo } from '../storage/versionRecords.ts';
import type { DocumentStateStore } from '../storage/documentState.ts';
import type { MailService } from '../mail/mailService.ts';
import type { Notifier } from '../mail/notifier.ts';
import type { FailureCounter } from '../people/failureLimit.ts';

export interface Services {
  config: Config;
  records: Records;
  sessions: SessionService;
  collab: CollabServer;
  audit: AuditLog;
  threads: ThreadRepo;
  events: DocumentEvents;
  versions: VersionRepo;
  signoffs: SignoffRepo;
  log: Logger;
  /** The stored text of each document (creating and deleting documents write it directly). */
  states: DocumentStateStore;
  mail: MailService;
  /** What the domain tells about phase changes, answers and replies (the mail module listens). */
  notifier: Notifier;
  /** Failed sign-ins per client address (per process, or shared through Redis). */
  signInFailures: FailureCounter;
}

export interface AppEnv {
  Variables: {
    person: PersonRecord;
  };
}
