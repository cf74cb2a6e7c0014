/**
 * The presence of one open document: which connection speaks for each awareness client id, and
 * everyone's presence encoded once per change (a query or a newcomer's greeting costs a copy, not an
 * encoding of the room). It never lets through an entry for a client id another live connection speaks
 * for, and never lets one connection speak for more than MAX_PRESENCE_IDS_PER_CONNECTION ids.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Awareness } from 'y-protocols/awareness';
import { MAX_PRESENCE_IDS_PER_CONNECTION } from '../../shared/limits.ts';
import { encodePresenceEntries, isRemoval, PresenceFlood, readPresenceEntries, stampState, type PresenceEntry, type PresenceIdentity } from './identity.ts';

/** What this module needs of a socket: who it is, and the ids it speaks for. */
export interface PresenceSpeaker {
  readonly identity: PresenceIdentity;
  readonly clientIds: Set<number>;
}

const MESSAGE_AWARENESS = 1;

export class RoomPresence {
  /** The live connection speaking for each client id. */
  private readonly owners = new Map<number, PresenceSpeaker>();
  /** The person whose connection last spoke for each client id, so that their reconnecting tab may take it back. */
  private readonly lastPerson = new Map<number, string>();
  private everyoneMessage: Uint8Array | null | undefined;

  constructor(private readonly awareness: Awareness) {
    awareness.on('update', () => {
      this.everyoneMessage = undefined;
    });
  }

  /** Everyone's presence as one awareness message, or null when nobody has any. */
  everyone(): Uint8Array | null {
    if (this.everyoneMessage !== undefined) return this.everyoneMessage;
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length === 0) return (this.everyoneMessage = null);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
    return (this.everyoneMessage = encoding.toUint8Array(encoder));
  }

  /**
   * What in `update` is the speaker's to say, stamped with its identity, as an update to apply; null
   * when nothing is. Entries for ids another live connection speaks for, and entries that change
   * nothing (the stock client echoes back every presence it receives), are dropped. Throws
   * PresenceFlood when the update would take the speaker past its ids or carries an oversized state.
   */
  stamp(speaker: PresenceSpeaker, update: Uint8Array): Uint8Array | null {
    const kept: Array<[number, number, string]> = [];
    const claims = new Set<number>();
    for (const entry of readPresenceEntries(update)) {
      const clock = this.clockToApply(speaker, entry);
      if (clock === null) continue;
      if (!speaker.clientIds.has(entry.clientId) && !claims.has(entry.clientId)) {
        if (speaker.clientIds.size + claims.size >= MAX_PRESENCE_IDS_PER_CONNECTION) {
          throw new PresenceFlood(`more than ${MAX_PRESENCE_IDS_PER_CONNECTION} presence client ids`);
        }
        claims.add(entry.clientId);
      }
      const state = stampState(entry, speaker.identity);
      if (state !== undefined) kept.push([entry.clientId, clock, state]);
    }
    for (const clientId of claims) {
      speaker.clientIds.add(clientId);
      this.owners.set(clientId, speaker);
      this.lastPerson.set(clientId, speaker.identity.id);
    }
    return kept.length === 0 ? null : encodePresenceEntries(kept);
  }

  /** The speaker's socket closed: the presence it spoke for goes. */
  release(speaker: PresenceSpeaker): void {
    const ids = [...speaker.clientIds].filter((id) => this.owners.get(id) === speaker);
    for (const id of ids) this.owners.delete(id);
    speaker.clientIds.clear();
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /**
   * The clock to apply an entry with, or null to drop it. An entry for an id another live connection
   * speaks for is dropped; so is one that would change nothing (the stock client echoes back every
   * presence it receives), which is how a free id is never taken by an echo. One exception: a tab
   * that reconnects sends its state with the clock it had, but the server raised that clock when it
   * removed the tab's presence at the disconnect, so y-protocols would ignore the state for up to
   * 30 s. When the state is gone and the same person spoke for the id, the entry is applied with the
   * next clock; the client takes that clock from the relay of its own state.
   */
  private clockToApply(speaker: PresenceSpeaker, entry: PresenceEntry): number | null {
    const owner = this.owners.get(entry.clientId);
    if (owner !== undefined && owner !== speaker) return null;
    const removal = isRemoval(entry);
    if (removal) return owner === speaker ? entry.clock : null;
    const current = this.awareness.meta.get(entry.clientId)?.clock ?? 0;
    if (entry.clock > current) return entry.clock;
    const gone = !this.awareness.getStates().has(entry.clientId);
    const samePerson = owner === speaker || this.lastPerson.get(entry.clientId) === speaker.identity.id;
    return gone && samePerson ? current + 1 : null;
  }
}
