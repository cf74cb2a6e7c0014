/**
 * Presence carries the server's identity, not the client's claim. y-protocols applies any awareness
 * update as it comes, so a client could show itself under another person's name or overwrite another
 * client's state. Each awareness entry is rewritten here: entries for client ids that belong to
 * another connection are dropped, and `user` is replaced with the connection's person.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface PresenceIdentity {
  id: string;
  name: string;
  color: string;
  role: string;
}

export { colorFor } from '../../shared/presence.ts';

/**
 * Returns the update to apply, or null when nothing in it is this connection's to say.
 * `owns` decides whether a client id may be spoken for by this connection (and claims it if free).
 */
export function stampAwarenessUpdate(update: Uint8Array, identity: PresenceIdentity, owns: (clientId: number) => boolean): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  const kept: Array<[number, number, string]> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (!owns(clientId)) continue;
    const state: unknown = JSON.parse(json);
    if (state === null) {
      kept.push([clientId, clock, 'null']);
    } else if (typeof state === 'object' && !Array.isArray(state)) {
      kept.push([clientId, clock, JSON.stringify({ ...state, user: identity })]);
    }
  }
  if (kept.length === 0) return null;
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, json] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}
