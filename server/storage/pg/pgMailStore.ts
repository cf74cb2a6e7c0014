/**
 * The mail queue in PostgreSQL, behind the same MailStore as lowdbMailStore.ts. A message's key goes
 * into `mail_keys` in the transaction that queues it, so a cause repeated (here or by another
 * process) never queues it twice. `hasKey` must answer at once (the catch-up pass asks it per
 * thread), so the keys are also held in memory, read at open and added to as this process queues.
 *
 * Each process holds a lease in `mail_leases`, renewed every third of MAIL_LEASE_MS and deleted when
 * it closes; the database's clock decides expiry, so the hosts' clocks need not agree. A process
 * killed, or cut off from the database, for longer than that has its mail in flight recovered by the
 * others (mail/sender.ts, mail/held.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DigestItem, HeldBatch, MailStore, QueuedMessage } from '../../mail/mailStore.ts';
import { guarded, storageError, type Sql, type Tx } from './db.ts';

/** How long a process's claim on its mail in flight outlives its last renewal. */
export const MAIL_LEASE_MS = 30_000;

/**
 * `instance` names where the process runs (host, DATA_DIR, PORT): two processes cannot hold the same
 * one at once, so a process that starts ends its previous run's lease, and a restart after a crash
 * recovers that run's mail at once instead of after MAIL_LEASE_MS.
 */
export async function openPgMailStore(sql: Sql, options: { instance?: string } = {}): Promise<MailStore> {
  const owner = randomUUID();
  const instance = options.instance ?? null;
  const renew = () => sql`INSERT INTO mail_leases (owner, instance, expires_at) VALUES (${owner}, ${instance}, now() + ${MAIL_LEASE_MS} * interval '1 millisecond')
    ON CONFLICT (owner) DO UPDATE SET expires_at = EXCLUDED.expires_at`;
  const json = (value: unknown) => sql.json(value as Parameters<Sql['json']>[0]);
  let meta: { secret: string; since: string };
  let keys: Set<string>;
  try {
    // Both settings are made once; a second process starting at once keeps the first one's.
    await sql`INSERT INTO settings (key, value) VALUES ('mail', ${json({ secret: randomBytes(32).toString('base64url'), since: new Date().toISOString() })}) ON CONFLICT (key) DO NOTHING`;
    meta = (await sql<Array<{ value: { secret: string; since: string } }>>`SELECT value FROM settings WHERE key = 'mail'`)[0]!.value;
    keys = new Set((await sql<Array<{ key: string }>>`SELECT key FROM mail_keys`).map((r) => r.key));
    await renew();
    if (instance !== null) await sql`DELETE FROM mail_leases WHERE instance = ${instance} AND owner <> ${owner}`;
  } catch (error) {
    throw storageError(error);
  }
  // A missed renewal (the database away) is retried at the next; the lease lasts three of them.
  const renewal = setInterval(() => void renew().catch(() => {}), MAIL_LEASE_MS / 3);
  renewal.unref();

  /** Queues what is new by key, in the caller's transaction; returns the messages added and every new key. */
  async function enqueueIn(tx: Tx, { messages = [], digestItems = [], reminders = [] }: Partial<Pick<HeldBatch, 'messages' | 'digestItems' | 'reminders'>>) {
    const fresh: QueuedMessage[] = [];
    const freshKeys: string[] = [];
    for (const m of messages) {
      if ((await tx`INSERT INTO mail_keys (key) VALUES (${m.key}) ON CONFLICT (key) DO NOTHING`).count === 0) continue;
      await tx`INSERT INTO mail_messages (id, data) VALUES (${m.id}, ${json(m)})`;
      fresh.push(m);
      freshKeys.push(m.key);
    }
    for (const i of digestItems) {
      if ((await tx`INSERT INTO mail_keys (key) VALUES (${i.key}) ON CONFLICT (key) DO NOTHING`).count === 0) continue;
      await tx`INSERT INTO mail_digest_items (id, person_id, data) VALUES (${i.id}, ${i.personId}, ${json(i)})`;
      freshKeys.push(i.key);
    }
    for (const r of reminders) await tx`INSERT INTO mail_reminders (key) VALUES (${r}) ON CONFLICT (key) DO NOTHING`;
    return { fresh, freshKeys };
  }

  const store: MailStore = {
    owner,
    async liveOwners() {
      const rows = await sql<Array<{ owner: string }>>`SELECT owner FROM mail_leases WHERE expires_at > now()`;
      // Leases long expired are of processes gone for good: forgotten here, by whichever process looks.
      await sql`DELETE FROM mail_leases WHERE expires_at < now() - interval '1 day'`;
      return new Set([owner, ...rows.map((r) => r.owner)]);
    },
    secret: () => meta.secret,
    since: () => meta.since,
    hasKey: (key) => keys.has(key),
    list: async () => (await sql<Array<{ data: QueuedMessage }>>`SELECT data FROM mail_messages ORDER BY seq`).map((r) => r.data),
    get: async (id) => (await sql<Array<{ data: QueuedMessage }>>`SELECT data FROM mail_messages WHERE id = ${id}`)[0]?.data,
    async enqueue(batch) {
      const added = await sql.begin((tx) => enqueueIn(tx, batch));
      for (const key of added.freshKeys) keys.add(key);
      return added.fresh.map((m) => structuredClone(m));
    },
    async hold(batch) {
      await sql`INSERT INTO mail_held (id, data) VALUES (${batch.id}, ${json(batch)})`;
    },
    async release(batchId) {
      const added = await sql.begin(async (tx) => {
        const batch = (await tx<Array<{ data: HeldBatch }>>`DELETE FROM mail_held WHERE id = ${batchId} RETURNING data`)[0]?.data;
        return batch ? enqueueIn(tx, batch) : { fresh: [], freshKeys: [] };
      });
      for (const key of added.freshKeys) keys.add(key);
      return added.fresh.map((m) => structuredClone(m));
    },
    async drop(batchId) {
      await sql`DELETE FROM mail_held WHERE id = ${batchId}`;
    },
    held: async () => (await sql<Array<{ data: HeldBatch }>>`SELECT data FROM mail_held ORDER BY seq`).map((r) => r.data),
    update: (id, patch, onlyIf) =>
      sql.begin(async (tx) => {
        const message = (await tx<Array<{ data: QueuedMessage }>>`SELECT data FROM mail_messages WHERE id = ${id} FOR UPDATE`)[0]?.data;
        if (!message || (onlyIf && message.status !== onlyIf)) return undefined;
        const changed: QueuedMessage = JSON.parse(JSON.stringify({ ...message, ...patch }));
        await tx`UPDATE mail_messages SET data = ${json(changed)} WHERE id = ${id}`;
        return changed;
      }),
    remindersSent: async () => new Set((await sql<Array<{ key: string }>>`SELECT key FROM mail_reminders`).map((r) => r.key)),
    digestItems: async () => (await sql<Array<{ data: DigestItem }>>`SELECT data FROM mail_digest_items ORDER BY seq`).map((r) => r.data),
    async sendDigest(personId, itemIds, message) {
      await sql.begin(async (tx) => {
        await tx`DELETE FROM mail_digest_items WHERE person_id = ${personId} AND id = ANY(${itemIds})`;
        if (message) {
          await tx`INSERT INTO mail_keys (key) VALUES (${message.key}) ON CONFLICT (key) DO NOTHING`;
          await tx`INSERT INTO mail_messages (id, data) VALUES (${message.id}, ${json(message)})`;
        }
      });
      if (message) keys.add(message.key);
    },
    async close() {
      clearInterval(renewal);
      // Stopped cleanly with nothing in flight: its lease ends now rather than in MAIL_LEASE_MS.
      await sql`DELETE FROM mail_leases WHERE owner = ${owner}`.catch(() => {});
    },
  };
  return guarded(store);
}
