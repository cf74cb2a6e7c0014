/** What the runner hands each scenario: the options, both servers and the client threads. */
import type { ClientThread } from './clientThread.ts';
import type { Options } from './helpers.ts';
import type { OutsideServers } from './outsideServers.ts';
import type { ClientProcess } from './processes.ts';
import type { OursServer, ReferenceServer } from './servers.ts';

export interface BenchContext {
  options: Options;
  clients: ClientThread;
  /** A second client thread, for the one who watches in (b): another person's machine. */
  watcher: ClientThread;
  ours: OursServer;
  reference: ReferenceServer;
  /** The reference with its echo of each update to its sender removed (referenceRelay.ts). */
  referenceNoEcho: ReferenceServer;
  /** With --outside: servers in processes of their own and a client process (used by (a)). */
  outside?: { servers: OutsideServers; clients: ClientProcess; /** With --profile: where (a)'s profiles of our server go. */ profileDir?: string };
  /** Progress on stderr, so that stdout keeps only the table. */
  log(line: string): void;
}
