/**
 * A light reader: the y-websocket protocol on a raw `ws` socket, without a Y.Doc. It asks for the
 * whole state once (sync step 1 with an empty state vector), answers the server's step 1 with an
 * empty step 2, ignores presence, and times every update's arrival by reading only its metadata
 * (`Y.parseUpdateMeta`: which client's clocks it covers), never applying it. A crowd of 2,000 of
 * these costs the client processes little, so the server sets the pace, not the simulated crowd.
 *
 * Times are wall-clock (performance.timeOrigin + now), comparable across processes on one machine.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

const MESSAGE_SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;
// Step 2 and updates (2) both carry an update: both are timed.

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Step 1 with an empty state vector (no clients): "send me everything". */
const ASK_ALL = syncMessage(STEP1, new Uint8Array([0]));
/** Step 2 with an empty update: we have nothing the server lacks. */
const HAVE_NOTHING = syncMessage(STEP2, Y.encodeStateAsUpdate(new Y.Doc()));

export const wallNow = (): number => performance.timeOrigin + performance.now();

export class LightReader {
  readonly synced: Promise<void>;
  /** Per writing client: the clocks this reader reached, in order, and when (wall-clock ms). */
  readonly arrivals = new Map<number, { clocks: number[]; times: number[] }>();
  closedEarly = false;
  /** Size of the whole-state update the server sent at sync (sync step 2), bytes. */
  stateBytes = 0;
  /** Messages and bytes received after the mark (crowdClients.ts), whatever their type. */
  received = { messages: 0, bytes: 0 };
  private readonly ws: WebSocket;
  private closing = false;

  constructor(wsUrl: string, documentId: string, cookie: string) {
    this.ws = new WebSocket(`${wsUrl}/collab/${documentId}`, { headers: { cookie } });
    this.ws.binaryType = 'nodebuffer';
    this.synced = new Promise((resolve, reject) => {
      this.ws.once('open', () => this.ws.send(ASK_ALL));
      this.ws.on('message', (data: Buffer) => {
        const now = wallNow();
        this.received.messages++;
        this.received.bytes += data.byteLength;
        const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return; // presence and the rest: not timed
        const step = decoding.readVarUint(decoder);
        if (step === STEP1) {
          this.ws.send(HAVE_NOTHING);
          return;
        }
        const update = decoding.readVarUint8Array(decoder);
        this.record(update, now);
        if (step === STEP2) {
          this.stateBytes = Math.max(this.stateBytes, update.byteLength);
          resolve();
        }
      });
      this.ws.once('error', reject);
      this.ws.once('close', (code) => {
        if (!this.closing) this.closedEarly = true;
        reject(new Error(`closed before sync (${code})`));
      });
    });
    this.synced.catch(() => undefined);
  }

  private record(update: Uint8Array, now: number): void {
    for (const [client, clock] of Y.parseUpdateMeta(update).to) {
      let seen = this.arrivals.get(client);
      if (!seen) this.arrivals.set(client, (seen = { clocks: [], times: [] }));
      if (seen.clocks.length && seen.clocks.at(-1)! >= clock) continue;
      seen.clocks.push(clock);
      seen.times.push(now);
    }
  }

  /** When this reader first held `clock` of `client` (wall-clock ms), or null if it never did. */
  arrivalOf(client: number, clock: number, from: { index: number }): number | null {
    const seen = this.arrivals.get(client);
    if (!seen) return null;
    while (from.index < seen.clocks.length && seen.clocks[from.index]! < clock) from.index++;
    return from.index < seen.clocks.length ? seen.times[from.index]! : null;
  }

  close(): void {
    this.closing = true;
    this.ws.terminate();
  }
}
