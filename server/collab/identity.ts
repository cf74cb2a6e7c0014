/**
 * Presence carries the server's identity, not the client's claim. y-protocols applies any awareness
 * update as it comes, so a client could show itself under another person's name, overwrite another
 * client's state, or fill the room with made-up clients. This module reads an awareness update entry
 * by entry, within the limits of shared/limits.ts, and rewrites `user` in each state it keeps with the
 * connection's person. Which entries a connection may keep is decided by roomPresence.ts.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MAX_PRESENCE_ENTRIES_PER_MESSAGE, MAX_PRESENCE_STATE_BYTES } from '../../shared/limits.ts';

export interface PresenceIdentity {
  id: string;
  name: string;
  color: string;
  role: string;
}

export { colorFor } from '../../shared/presence.ts';

/** A socket sent more presence than a connection may; it is closed with CLOSE_CODES.presenceFlood. */
export class PresenceFlood extends Error {}

export interface PresenceEntry {
  clientId: number;
  clock: number;
  /** The state as the client sent it: JSON, `null` for a removal. */
  json: Uint8Array;
}

const NULL_JSON = new TextEncoder().encode('null');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The entries of an awareness update. Only the first MAX_PRESENCE_ENTRIES_PER_MESSAGE are read: the
 * rest of the update is ignored, so the work one message causes is bounded whatever it claims.
 * Malformed bytes throw (lib0's decoding errors), which closes the socket as malformed.
 */
export function readPresenceEntries(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = Math.min(decoding.readVarUint(decoder), MAX_PRESENCE_ENTRIES_PER_MESSAGE);
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, json: decoding.readVarUint8Array(decoder) });
  }
  return entries;
}

export function isRemoval(entry: PresenceEntry): boolean {
  return entry.json.length === NULL_JSON.length && entry.json.every((byte, i) => byte === NULL_JSON[i]);
}

/**
 * The state to store for an entry the connection speaks for: `null` for a removal, the client's state
 * with `user` replaced for an object, undefined for anything else (dropped). A state over
 * MAX_PRESENCE_STATE_BYTES is a flood.
 */
export function stampState(entry: PresenceEntry, identity: PresenceIdentity): string | undefined {
  if (isRemoval(entry)) return 'null';
  if (entry.json.length > MAX_PRESENCE_STATE_BYTES) throw new PresenceFlood(`a presence state of ${entry.json.length} bytes`);
  // Bytes that are not UTF-8 JSON throw: the socket is closed as malformed.
  const state: unknown = JSON.parse(utf8.decode(entry.json));
  if (state === null) return 'null';
  if (typeof state !== 'object' || Array.isArray(state)) return undefined;
  return JSON.stringify({ ...state, user: identity });
}

export function encodePresenceEntries(entries: Array<[clientId: number, clock: number, json: string]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}
