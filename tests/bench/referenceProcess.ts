/**
 * The reference server alone in a process (processes.ts spawns it): `node --import tsx
 * referenceProcess.ts echo|no-echo`. Prints its address; over IPC it takes a document's starting
 * state (`{ prime, state }`, base64) and answers `memory?` after a forced GC (it runs with
 * --expose-gc), as memoryProbe.mjs does for ours.
 */
import { startReference } from './referenceServer.ts';

const kind = process.argv[2] === 'echo' ? 'echo' : 'no-echo';
const reference = await startReference(kind);
process.on('message', (message: 'memory?' | { prime: string; state: string }) => {
  if (message === 'memory?') {
    globalThis.gc?.();
    process.send?.({ memory: process.memoryUsage() });
  } else {
    reference.prime(message.prime, new Uint8Array(Buffer.from(message.state, 'base64')));
    process.send?.({ primed: message.prime });
  }
});
process.on('SIGTERM', () => {
  void reference.close().finally(() => process.exit(0));
});
console.log(`reference listening at ${reference.endpoint.wsUrl.replace(/^ws/, 'http')}`);
