/**
 * E-mail held until its cause is stored (server/mail/held.ts), on the real lowdb files: a batch
 * whose change failed to be written is dropped at once; a batch a crash left held is released at
 * start if the stored state shows its cause, dropped if not; a mail.json from before held batches
 * existed still opens. The kill -9 versions with the real process are in mailCrash.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLowdbRecords } from '../../server/storage/lowdbRecords.ts';
import { openLowdbMailStore } from '../../server/mail/lowdbMailStore.ts';
import { createHolding } from '../../server/mail/held.ts';
import { withMail } from '../../server/mail/notifier.ts';
import { makeMessage } from '../../server/mail/messages.ts';
import { createLogger } from '../../server/log.ts';
import type { DocumentRecord, PersonRecord, Records } from '../../server/storage/records.ts';
import type { MailStore } from '../../server/mail/mailStore.ts';

let dir: string;
let records: Records;
let store: MailStore;

const at = (minute: number) => `2030-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const person: PersonRecord = { id: '00000000-0000-4000-8000-000000000001', name: 'Ana Costa', email: 'ana@example.org', role: 'participant', country: 'PT', organisation: '', stakeholder: 'government', tokenHash: 'h1', active: true, createdAt: at(0) };
const document: DocumentRecord = { id: 'guidance', title: 'Guidance', phase: 'drafting', deadline: null, createdAt: at(0), updatedAt: at(0) };
const ctx = { baseUrl: 'https://accord.example.org', secret: 's', timeZone: 'UTC', now: new Date(at(1)) };
const message = (key: string) => makeMessage(ctx, person, 'consultation-opened', key, () => ({ subject: 'Open', paragraphs: ['Open.'], action: { label: 'Read', url: ctx.baseUrl } }));
const opening = { kind: 'document' as const, documentId: 'guidance', phase: 'consultation', deadline: null, beforeUpdatedAt: at(0) };
const holdingOf = () => createHolding({ store, records, log: createLogger('silent'), now: () => new Date(at(1)), sent: () => {} });

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'accord-held-'));
  records = await openLowdbRecords(dir);
  await records.people.insert(person);
  await records.documents.insert(document);
  store = await openLowdbMailStore(dir);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('held e-mail', () => {
  it('is released into the queue once its change is stored', async () => {
    const holding = holdingOf();
    await withMail(holding.hold(opening, { messages: [message('a')], digestItems: [], reminders: ['r1'] }), () => records.documents.update('guidance', { phase: 'consultation', updatedAt: at(2) }));
    expect(await store.held()).toEqual([]);
    expect((await store.list()).map((m) => m.key)).toEqual(['a']);
    expect([...(await store.remindersSent())]).toEqual(['r1']);
  });

  it('is dropped when the change fails to be written, and the failure reaches the caller', async () => {
    const holding = holdingOf();
    const failing = withMail(holding.hold(opening, { messages: [message('b')], digestItems: [], reminders: [] }), () => Promise.reject(new Error('disk full')));
    await expect(failing).rejects.toThrow('disk full');
    expect(await store.held()).toEqual([]);
    expect(await store.list()).toEqual([]);
  });

  it('left held by a crash: released at start if the change is stored, dropped if not', async () => {
    const holding = holdingOf();
    // Held, then the process "dies": neither release nor settle runs.
    await holding.hold(opening, { messages: [message('stored')], digestItems: [], reminders: [] });
    await records.documents.update('guidance', { phase: 'consultation', updatedAt: at(2) });
    await holding.hold({ ...opening, phase: 'final-review', beforeUpdatedAt: at(2) }, { messages: [message('never')], digestItems: [], reminders: [] });
    await holding.hold({ kind: 'person', personId: person.id, tokenHash: 'h1' }, { messages: [message('invited')], digestItems: [], reminders: [] });
    await holding.hold({ kind: 'person', personId: person.id, tokenHash: 'replaced' }, { messages: [message('stale-link')], digestItems: [], reminders: [] });
    await holding.hold({ kind: 'person', personId: '00000000-0000-4000-8000-000000000009', tokenHash: 'h9' }, { messages: [message('nobody')], digestItems: [], reminders: [] });
    await store.close();

    store = await openLowdbMailStore(dir);
    expect(await holdingOf().reconcile()).toEqual({ released: 2, dropped: 3 });
    expect((await store.list()).map((m) => m.key).toSorted()).toEqual(['invited', 'stored']);
    expect(await store.held()).toEqual([]);
    // A second start finds nothing more to do, and a key is never queued twice.
    expect(await holdingOf().reconcile()).toEqual({ released: 0, dropped: 0 });
    expect(await store.enqueue({ messages: [message('stored')] })).toEqual([]);
  });

  it('opens a mail.json written before held batches existed', async () => {
    await store.close();
    writeFileSync(path.join(dir, 'mail.json'), JSON.stringify({ format: 1, secret: 'k', since: at(0), messages: [], digestItems: [], keys: [], reminders: [] }));
    store = await openLowdbMailStore(dir);
    expect(await store.held()).toEqual([]);
    expect(await holdingOf().reconcile()).toEqual({ released: 0, dropped: 0 });
  });
});
