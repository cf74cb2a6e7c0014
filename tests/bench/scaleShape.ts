/**
 * The shape of (j), scale-out, shared by its CPU-time runs (scaleOut.ts) and its instruction counts
 * (scaleInstructions.ts): 30 documents (copies of a real draft), 10 clients each, 2 of them typing,
 * the clients in 3 processes of their own; and a fresh deployment of ours for one run.
 */
import type { ClientProcess } from './processes.ts';
import type { ScaleJoinParams } from './scaleClients.ts';
import { pidOf, startBenchDeployment } from './scaleDeployment.ts';
import type { ScaleServers } from './scaleReference.ts';

export const DOCUMENT_IDS = Array.from({ length: 30 }, (_, i) => `scale-${String(i + 1).padStart(2, '0')}`);
export const CLIENTS_PER_DOCUMENT = 10;
export const TYPERS_PER_DOCUMENT = 2;
export const CLIENT_PROCESSES = 3;
export const READERS = 40;
export const LABEL = `${DOCUMENT_IDS.length * CLIENTS_PER_DOCUMENT} clients / ${DOCUMENT_IDS.length} docs / ${DOCUMENT_IDS.length * TYPERS_PER_DOCUMENT} typing`;

export const waitUntil = (epochMs: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));

/**
 * A fresh deployment of ours: `instances` processes on a schema and Redis prefix of their own, and
 * people to sign in as. `wrapper` runs each process under a command (valgrind, for instruction counts);
 * `nodeArgs` go to node.
 */
export async function startOurs(instances: number, wrapper?: string[], nodeArgs?: string[]): Promise<ScaleServers> {
  const deployment = await startBenchDeployment({ instances, documentIds: DOCUMENT_IDS, redis: true, ...(wrapper ? { wrapper } : {}), ...(nodeArgs ? { nodeArgs } : {}) });
  try {
    const people = await deployment.people(DOCUMENT_IDS.length * TYPERS_PER_DOCUMENT, READERS);
    return { wsUrls: deployment.servers.map((s) => s.url.replace(/^http/, 'ws')), pids: deployment.servers.map(pidOf), ...people, close: () => deployment.close() };
  } catch (error) {
    await deployment.close();
    throw error;
  }
}

/** Every client of the run joined: each client process takes an equal share of the documents. `presence`: see ScaleJoinParams. */
export async function joinClients(clients: ClientProcess[], servers: ScaleServers, placement: ScaleJoinParams['placement'], presence = true): Promise<void> {
  const perProcess = DOCUMENT_IDS.length / clients.length;
  await Promise.all(
    clients.map((client, p) =>
      client.call('scaleJoin', {
        wsUrls: servers.wsUrls,
        documentIds: DOCUMENT_IDS.slice(p * perProcess, (p + 1) * perProcess),
        firstDocumentIndex: p * perProcess,
        clientsPerDocument: CLIENTS_PER_DOCUMENT,
        typersPerDocument: TYPERS_PER_DOCUMENT,
        placement,
        writers: servers.writers,
        readers: servers.readers,
        presence,
      } satisfies ScaleJoinParams),
    ),
  );
}
