/**
 * The mail queue in lowdb: `mail.json` under DATA_DIR, written atomically and fsync'd through
 * JsonStore, so a queued message survives kill -9 as well as a person or a thread does.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { JsonStore } from '../storage/jsonStore.ts';
import type { DigestItem, HeldBatch, MailStore, QueuedMessage } from './mailStore.ts';

interface Shape {
  format: 1;
  secret: string;
  since?: string;
  messages: QueuedMessage[];
  digestItems: DigestItem[];
  /** Keys of every message or digest item ever queued, so a repeated cause never queues it twice. */
  keys: string[];
  reminders: string[];
  /** Batches held until their cause is stored (absent in files written before they existed). */
  held?: HeldBatch[];
}

const empty = (): Shape => ({ format: 1, secret: '', messages: [], digestItems: [], keys: [], reminders: [] });
const isShape = (d: Shape) =>
  d !== null && typeof d === 'object' && d.format === 1 && Array.isArray(d.messages) && Array.isArray(d.digestItems) && Array.isArray(d.keys) && Array.isArray(d.reminders);

/** Adds what is new (by key) to the queue and the digests, and records the reminders as sent. */
function enqueueInto(d: Shape, { messages = [], digestItems = [], reminders = [] }: { messages?: QueuedMessage[]; digestItems?: DigestItem[]; reminders?: string[] }): QueuedMessage[] {
  const keys = new Set(d.keys);
  const fresh = messages.filter((m) => !keys.has(m.key));
  const freshItems = digestItems.filter((i) => !keys.has(i.key));
  for (const m of fresh) {
    d.messages.push(structuredClone(m));
    d.keys.push(m.key);
  }
  for (const i of freshItems) {
    d.digestItems.push(structuredClone(i));
    d.keys.push(i.key);
  }
  for (const r of reminders) if (!d.reminders.includes(r)) d.reminders.push(r);
  return fresh.map((m) => structuredClone(m));
}

export async function openLowdbMailStore(dataDir: string): Promise<MailStore> {
  const owner = randomUUID();
  const store = await JsonStore.open<Shape>(path.join(dataDir, 'mail.json'), empty, isShape);
  if (!store.data.secret || !store.data.since) {
    await store.change((d) => {
      d.secret ||= randomBytes(32).toString('base64url');
      d.since ??= new Date().toISOString();
    });
  }
  const clone = <T>(value: T): T => structuredClone(value);

  return {
    // DATA_DIR is locked to one process: whatever another owner left was left by a run that ended.
    owner,
    liveOwners: async () => new Set([owner]),
    secret: () => store.data.secret,
    since: () => store.data.since!,
    hasKey: (key) => store.data.keys.includes(key),
    list: async () => store.data.messages.map(clone),
    get: async (id) => clone(store.data.messages.find((m) => m.id === id)),
    enqueue: (change) => store.change((d) => enqueueInto(d, change)),
    hold: (batch) =>
      store.change((d) => {
        (d.held ??= []).push(clone(batch));
      }),
    release: (batchId) =>
      store.change((d) => {
        const batch = d.held?.find((b) => b.id === batchId);
        if (!batch) return [];
        d.held = d.held!.filter((b) => b.id !== batchId);
        return enqueueInto(d, batch);
      }),
    drop: (batchId) =>
      store.change((d) => {
        d.held = (d.held ?? []).filter((b) => b.id !== batchId);
      }),
    held: async () => (store.data.held ?? []).map(clone),
    update: (id, patch, onlyIf) =>
      store.change((d) => {
        const message = d.messages.find((m) => m.id === id);
        if (onlyIf && message?.status !== onlyIf) return undefined;
        if (message) Object.assign(message, clone(patch));
        return clone(message);
      }),
    remindersSent: async () => new Set(store.data.reminders),
    digestItems: async () => store.data.digestItems.map(clone),
    sendDigest: (personId, itemIds, message) =>
      store.change((d) => {
        const ids = new Set(itemIds);
        d.digestItems = d.digestItems.filter((i) => !(i.personId === personId && ids.has(i.id)));
        if (message) {
          d.messages.push(clone(message));
          d.keys.push(message.key);
        }
      }),
    close: () => store.settled(),
  };
}
