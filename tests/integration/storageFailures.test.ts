/**
 * Damaged data is refused, never overwritten; a failed write answers 503 and changes nothing; a failed
 * write of the text stops its writers until memory is written whole again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { diskFull } from '../helpers/diskFaults.ts';
import * as Y from 'yjs';
import path from 'node:path';
import { startServer } from '../../server/server.ts';
import { SEED_IDS, onPostgres, startTestServer, tempDataDir, testConfig } from '../helpers/testServer.ts';
import { connect, waitFor, waitForDoc } from '../helpers/collabClient.ts';
import { rawPeer } from '../helpers/rawSocket.ts';
import { decodeRecords } from '../../server/storage/logRecords.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';
import { CLOSE_CODES } from '../../shared/protocol.ts';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const f of cleanup.splice(0).toReversed()) await f();
});

describe.skipIf(onPostgres())('damaged data', () => {
  it.each([
    ['empty', ''],
    ['truncated', '{"format":1,"seeded":true,"people":[{"id":'],
    ['full of NUL bytes', '\u0000'.repeat(64)],
    ['of the wrong shape', '{"format":1,"people":"nobody"}'],
  ])('refuses to start on a records file that is %s, and leaves it as it was', async (_what, content) => {
    const dir = tempDataDir();
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'accord.json');
    writeFileSync(file, content);
    await expect(startServer(testConfig(dir))).rejects.toThrow(/accord\.json is damaged .*will not start on damaged data/);
    expect(readFileSync(file, 'utf8')).toBe(content);
    // The refusal released the data directory: a repaired file starts.
    rmSync(file);
    const server = await startServer(testConfig(dir));
    await server.close();
  });
});

describe.skipIf(onPostgres())('a failed write', () => {
  it('answers 503, keeps memory as the disk has it, and works again once the disk does', async () => {
    const t = await startTestServer();
    cleanup.push(() => t.close());
    const sectionId = (await t.api('GET', `/api/documents/${SEED_IDS[0]}`, { cookie: t.adminCookie })).body.sections[0].id;
    const post = () => t.api('POST', `/api/documents/${SEED_IDS[0]}/threads`, { cookie: t.adminCookie, body: { sectionId, kind: 'general', body: 'Saved or not?' } });
    // The disk is full: every file the server opens for writing fails.
    const restore = diskFull();
    const failed = await post();
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('storage_unavailable');
    expect((await t.api('GET', `/api/documents/${SEED_IDS[0]}/threads`, { cookie: t.adminCookie })).body).toEqual([]);
    restore();
    expect((await post()).status).toBe(201);
    expect((await t.api('GET', `/api/documents/${SEED_IDS[0]}/threads`, { cookie: t.adminCookie })).body).toHaveLength(1);
  });
});

describe.skipIf(onPostgres())('a damaged document log', () => {
  it('refuses that document, leaves its file as it was, and serves the others', async () => {
    const t = await startTestServer();
    cleanup.push(() => t.close());
    const [damagedId, otherId] = [SEED_IDS[0], SEED_IDS[1]];
    expect((await t.api('GET', `/api/documents/${damagedId}`, { cookie: t.adminCookie })).body.sections.length).toBeGreaterThan(0);
    await t.server.close();
    const file = path.join(t.dataDir, 'documents', `${damagedId}.ylog`);
    const damaged = readFileSync(file);
    // One flipped byte in the middle of the text.
    const at = Math.floor(damaged.byteLength / 2);
    damaged.writeUInt8(damaged.readUInt8(at) ^ 0x01, at);
    writeFileSync(file, damaged);
    const folderBefore = readdirSync(path.join(t.dataDir, 'documents')).toSorted();

    await t.restart();
    const refused = await t.api('GET', `/api/documents/${damagedId}`, { cookie: t.adminCookie });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('document_damaged');
    const socket = rawPeer(t.wsUrl, damagedId, t.adminCookie);
    expect(await socket.closed).toEqual({ code: 1011, reason: 'The stored text of this document is damaged' });
    expect((await t.api('GET', `/api/documents/${otherId}`, { cookie: t.adminCookie })).body.sections.length).toBeGreaterThan(0);
    expect(readFileSync(file)).toEqual(damaged);
    expect(readdirSync(path.join(t.dataDir, 'documents')).toSorted()).toEqual(folderBefore);
  });
});

describe.skipIf(onPostgres())('a failed write of the text', () => {
  it('closes the writers (4503), keeps the edits in memory, and writes them once the disk is back', async () => {
    const t = await startTestServer();
    cleanup.push(() => t.close());
    const doc = SEED_IDS[0];
    await t.setPhase(doc, 'drafting');
    const writer = connect(t.wsUrl, doc, t.adminCookie);
    cleanup.push(() => writer.destroy());
    const closeCodes: number[] = [];
    writer.provider.on('connection-close', (event: CloseEvent | null) => event && closeCodes.push(event.code));
    const reader = connect(t.wsUrl, doc, (await t.person({ role: 'participant' })).cookie);
    cleanup.push(() => reader.destroy());
    await Promise.all([writer.synced, reader.synced]);

    // The documents folder is swapped for a file: every write of a log fails, as on a lost disk.
    const folder = path.join(t.dataDir, 'documents');
    renameSync(folder, `${folder}.away`);
    writeFileSync(folder, 'not a folder');
    addParagraph(writer.doc, 'Typed while the disk is gone.');
    await waitFor(() => closeCodes.includes(CLOSE_CODES.storageUnavailable), 5000, 'the writer to be closed');
    // The reader got the edit; a writer coming back meanwhile is refused; a reader is not.
    await waitForDoc(reader.doc, () => textOf(reader.doc).includes('Typed while the disk is gone.'));
    const again = rawPeer(t.wsUrl, doc, t.adminCookie);
    expect((await again.closed).code).toBe(CLOSE_CODES.storageUnavailable);
    // A REST request on the text, which might change it, is refused too.
    const refused = await t.api('POST', `/api/documents/${doc}/versions`, { cookie: t.adminCookie, body: { name: 'During the outage' } });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('storage_unavailable');

    rmSync(folder);
    renameSync(`${folder}.away`, folder);
    await waitFor(() => textOf(docFromLog(t.dataDir, doc)).includes('Typed while the disk is gone.'), 5000, 'the edit to be written');
    // The writer's provider reconnects by itself and may edit again; that edit is stored too.
    await waitFor(() => writer.provider.wsconnected, 5000, 'the writer to reconnect');
    addParagraph(writer.doc, 'Typed after the disk came back.');
    await waitForDoc(reader.doc, () => textOf(reader.doc).includes('Typed after the disk came back.'));
    await t.restart();
    const fresh = connect(t.wsUrl, doc, t.adminCookie);
    cleanup.push(() => fresh.destroy());
    await fresh.synced;
    expect(textOf(fresh.doc)).toContain('Typed while the disk is gone.');
    expect(textOf(fresh.doc)).toContain('Typed after the disk came back.');
  });
});

function addParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(TEXT_FIELD).push([p]);
}

const textOf = (doc: Y.Doc) => plainText(doc.getXmlFragment(TEXT_FIELD));

function docFromLog(dataDir: string, documentId: string): Y.Doc {
  const doc = new Y.Doc();
  for (const update of decodeRecords(readFileSync(path.join(dataDir, 'documents', `${documentId}.ylog`))).updates) Y.applyUpdate(doc, update);
  return doc;
}
