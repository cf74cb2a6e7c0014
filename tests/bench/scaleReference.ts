/**
 * The reference of (j)'s routed-by-document case: the reference y-websocket server without its echo
 * (referenceProcess.ts, as in (a) and (g)) in N independent processes, document g held whole by
 * process g mod N, as a balancer hashing /collab/<documentId> places it. Routed by document, all of
 * a document's clients reach one process, so the processes need nothing from each other: what 3 cost
 * over 1 for the same fan-out is this machine's price of splitting the work over more processes (more
 * processes waking on the same cores), with no database, Redis, sign-in or persistence. It must never
 * relay between its processes: then it would no longer measure the machine alone.
 */
import * as Y from 'yjs';
import { connect } from '../helpers/collabClient.ts';
import { within } from './helpers.ts';
import { spawnReference } from './processes.ts';
import { startBenchDeployment } from './scaleDeployment.ts';

/** What a (j) run needs of a deployment, ours or the reference: where to connect, as whom, and which processes to read. */
export interface ScaleServers {
  wsUrls: string[];
  pids: number[];
  writers: string[];
  readers: string[];
  close(): Promise<void>;
}

/**
 * The Yjs state of each document as our server makes it from the seed (one process on a schema of
 * its own, no Redis), read by a client of ours, so the reference holds the same text (as
 * outsideServers.ts primes it for (a)).
 */
export async function documentStates(documentIds: string[]): Promise<Map<string, Uint8Array>> {
  const deployment = await startBenchDeployment({ instances: 1, documentIds, redis: false });
  try {
    const { writers } = await deployment.people(1, 0);
    const wsUrl = deployment.servers[0]!.url.replace(/^http/, 'ws');
    const states = new Map<string, Uint8Array>();
    for (const id of documentIds) {
      const client = connect(wsUrl, id, writers[0]!);
      try {
        await within(client.synced, 30_000, `a client to read ${id} from our server`);
        states.set(id, Y.encodeStateAsUpdate(client.doc));
      } finally {
        client.destroy();
      }
    }
    return states;
  } finally {
    await deployment.close();
  }
}

/** `instances` reference processes, each primed with the documents routed to it (index mod instances). */
export async function startReferenceDeployment(instances: number, documentIds: string[], states: Map<string, Uint8Array>): Promise<ScaleServers> {
  const processes = await Promise.all(Array.from({ length: instances }, () => spawnReference('no-echo')));
  try {
    for (const [g, id] of documentIds.entries()) await processes[g % instances]!.prime(id, states.get(id)!);
  } catch (error) {
    await Promise.all(processes.map((p) => p.stop()));
    throw error;
  }
  return {
    wsUrls: processes.map((p) => p.url.replace(/^http/, 'ws')),
    pids: processes.map((p) => p.pid),
    // No sign-in: the reference ignores the cookie header.
    writers: [''],
    readers: [''],
    close: async () => void (await Promise.all(processes.map((p) => p.stop()))),
  };
}
