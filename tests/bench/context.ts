/** What the runner hands each scenario: the options, both servers and the client thread. */
import type { ClientThread } from './clientThread.ts';
import type { Options } from './helpers.ts';
import type { OursServer, ReferenceServer } from './servers.ts';

export interface BenchContext {
  options: Options;
  clients: ClientThread;
  ours: OursServer;
  reference: ReferenceServer;
  /** Progress on stderr, so that stdout keeps only the table. */
  log(line: string): void;
}
