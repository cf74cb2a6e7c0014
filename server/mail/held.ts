/**
 * E-mail held until its cause is stored. The batch is written to the queue's file first, held back
 * (never sent); the domain then writes its change; the batch is released into the queue. A kill -9
 * between the two leaves the batch held, and the next start decides from what is stored whether the
 * change happened: if so the batch goes out (late, once), if not it is dropped. So a change is never
 * stored without its e-mail, and no e-mail goes out for a change that was not stored.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.ts';
import type { Records } from '../storage/records.ts';
import type { HeldBatch, MailCause, MailStore } from './mailStore.ts';
import type { PendingMail } from './notifier.ts';
import { crashPoint, type CrashPoint } from './crashPoint.ts';

/** Whether the stored state shows the cause. */
export async function causeStored(records: Records, cause: MailCause): Promise<boolean> {
  if (cause.kind === 'person') {
    const person = await records.people.get(cause.personId);
    // A link replaced since would not sign anyone in: such an invitation is not worth sending.
    return !!person?.active && person.tokenHash === cause.tokenHash;
  }
  if (cause.kind === 'people') {
    const stored = await Promise.all(cause.people.map((p) => records.people.get(p.personId)));
    return stored.every((person, i) => !!person?.active && person.tokenHash === cause.people[i]!.tokenHash);
  }
  const document = await records.documents.get(cause.documentId);
  // The document was written since the batch was held, and holds the phase and deadline it announces.
  // A change overtaken by another before the crash is not announced: its message would no longer be true.
  return !!document && document.updatedAt !== cause.beforeUpdatedAt && document.phase === cause.phase && document.deadline === cause.deadline;
}

export interface Holding {
  /** Holds the batch durably and answers the domain's release or settle. */
  hold(cause: MailCause, batch: Omit<HeldBatch, 'id' | 'cause' | 'heldAt' | 'owner'>): Promise<PendingMail>;
  /**
   * Releases or drops every batch left held by a process that is no more (a crash, or another
   * process whose lease expired); returns how many of each. At start, and on every tick.
   */
  reconcile(): Promise<{ released: number; dropped: number }>;
  /** Retries batches whose cause is stored but whose release failed (a full disk, say). */
  retry(): Promise<void>;
}

export function createHolding(deps: { store: MailStore; records: Records; log: Logger; now: () => Date; crashAt?: CrashPoint; sent: () => void }): Holding {
  const { store, records, log } = deps;
  const unreleased = new Set<string>();

  const release = async (id: string) => {
    try {
      const added = await store.release(id);
      unreleased.delete(id);
      if (added.length) deps.sent();
    } catch (error) {
      // The change is stored: the e-mail must still go. Tried again on every scheduler pass.
      unreleased.add(id);
      log.error('Could not release the e-mail of a stored change; will try again', error);
    }
  };

  const settle = async (batch: HeldBatch) => {
    try {
      if (await causeStored(records, batch.cause)) await release(batch.id);
      else await store.drop(batch.id);
    } catch (error) {
      log.error('Could not settle the e-mail of a change that may not be stored; the next start will', error);
    }
  };

  return {
    async hold(cause, content) {
      const batch: HeldBatch = { id: randomUUID(), cause, heldAt: deps.now().toISOString(), owner: store.owner, ...content };
      const empty = !batch.messages.length && !batch.digestItems.length && !batch.reminders.length;
      if (empty) return { release: async () => {}, settle: async () => {} };
      await store.hold(batch);
      crashPoint(deps.crashAt, 'mail-held');
      return {
        release: async () => {
          crashPoint(deps.crashAt, 'cause-stored');
          await release(batch.id);
        },
        settle: () => settle(batch),
      };
    },
    async reconcile() {
      let released = 0;
      let dropped = 0;
      const batches = await store.held();
      // Read after the batches: a process that held one of these has its lease by now.
      const live = batches.length ? await store.liveOwners() : new Set<string>();
      for (const batch of batches) {
        // Its process is still storing the change: it releases or drops the batch itself.
        if (batch.owner && live.has(batch.owner)) continue;
        if (await causeStored(records, batch.cause)) {
          await store.release(batch.id);
          released++;
        } else {
          await store.drop(batch.id);
          dropped++;
        }
      }
      return { released, dropped };
    },
    async retry() {
      for (const id of unreleased) await release(id);
    },
  };
}
