/** Backup while the server runs, restore into a fresh DATA_DIR, and the generation that keeps old copies out. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { spawn } from 'node:child_process';
import { ADMIN_TOKEN, ROOT, SEED_IDS, signIn, startTestServer, tempDataDir, type TestServer } from '../helpers/testServer.ts';
import { connect, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { rawPeer } from '../helpers/rawSocket.ts';
import { createBackup, restoreBackup } from '../../server/backup/archive.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';
import { CLOSE_CODES } from '../../shared/protocol.ts';

const DOC: string = SEED_IDS[0];
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).toReversed()) await f();
});
const textOf = (doc: Y.Doc) => plainText(doc.getXmlFragment(TEXT_FIELD));

async function server(dataDir?: string): Promise<TestServer> {
  const t = await startTestServer(dataDir ? { dataDir } : {});
  cleanup.push(() => t.close());
  return t;
}
function client(t: TestServer, cookie: string): CollabClient {
  const c = connect(t.wsUrl, DOC, cookie);
  cleanup.push(() => c.destroy());
  return c;
}

describe('backup and restore', () => {
  it('round-trips the text, threads, people and versions, taken while the server runs', async () => {
    const t = await server();
    await t.setPhase(DOC, 'drafting');
    const editor = client(t, t.adminCookie);
    await editor.synced;
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Written before the backup.')]);
    editor.doc.getXmlFragment(TEXT_FIELD).push([p]);
    const probe = client(t, t.adminCookie);
    await waitForDoc(probe.doc, () => textOf(probe.doc).includes('Written before the backup.'));
    const participant = await t.person({ role: 'participant', name: 'Backed Up' });
    const sectionId = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.sections[0].id;
    await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie, body: { sectionId, kind: 'general', body: 'A thread in the backup' } });
    await t.api('POST', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie, body: { name: 'Backed-up version' } });

    const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-backup-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'backup.accord');
    const result = await createBackup(t.dataDir, file);
    expect(result.files).toBeGreaterThan(5);

    const target = tempDataDir();
    cleanup.push(() => rmSync(target, { recursive: true, force: true }));
    await restoreBackup(target, file);
    const restored = await server(target);
    const cookie = await signIn(restored.url, ADMIN_TOKEN);
    const reader = client(restored, cookie);
    await reader.synced;
    expect(textOf(reader.doc)).toBe(textOf(probe.doc));
    expect((await restored.api('GET', `/api/documents/${DOC}/threads`, { cookie })).body.map((th: { body: string }) => th.body)).toEqual(['A thread in the backup']);
    expect((await restored.api('GET', '/api/people', { cookie })).body.map((x: { name: string }) => x.name)).toContain('Backed Up');
    expect((await restored.api('GET', `/api/documents/${DOC}/versions`, { cookie })).body.map((v: { name: string }) => v.name)).toContain('Backed-up version');
    expect(await signIn(restored.url, participant.token)).toMatch(/^accord_session=/);
    const before = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.generation;
    expect((await restored.api('GET', `/api/documents/${DOC}`, { cookie })).body.generation).not.toBe(before);
  });

  it('refuses a running server\'s DATA_DIR, a non-empty one without --force, and files that are not backups', async () => {
    const t = await server();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-backup-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'b.accord');
    await createBackup(t.dataDir, file);
    await expect(restoreBackup(t.dataDir, file, { force: true })).rejects.toThrow(/Another Accord server/);
    const target = tempDataDir();
    cleanup.push(() => rmSync(target, { recursive: true, force: true }));
    writeFileSync(path.join(target, 'accord.json'), '{}');
    await expect(restoreBackup(target, file)).rejects.toThrow(/already holds data/);
    const moved = await restoreBackup(target, file, { force: true });
    expect(moved.movedAside).toMatch(/before-restore/);
    cleanup.push(() => rmSync(moved.movedAside!, { recursive: true, force: true }));
    const junk = path.join(dir, 'junk');
    writeFileSync(junk, 'not a backup');
    await expect(restoreBackup(tempDataDir(), junk)).rejects.toThrow(/not an Accord backup/);
  });

  it('closes a client holding the text from before a restore (4410), and never merges it', async () => {
    const t = await server();
    const generation = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.generation;
    const stale = rawPeer(`${t.wsUrl}`, `${DOC}?generation=not-${generation}`, t.adminCookie);
    expect((await stale.closed).code).toBe(CLOSE_CODES.staleGeneration);
    const current = rawPeer(`${t.wsUrl}`, `${DOC}?generation=${generation}`, t.adminCookie);
    await current.opened;
    current.ws.close();
  });

  it('works from the command line: npm run backup, then npm run restore', async () => {
    const t = await server();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-backup-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'cli.accord');
    const run = (script: string, args: string[], dataDir: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const backup = await run('backup.ts', ['--out', file], t.dataDir);
    expect(backup).toMatchObject({ code: 0, out: expect.stringMatching(/Backed up \d+ files/) });
    const target = tempDataDir();
    cleanup.push(() => rmSync(target, { recursive: true, force: true }));
    expect((await run('restore.ts', ['--from', file], target)).code).toBe(0);
    expect((await run('restore.ts', ['--from', file], target)).out).toMatch(/already holds data/);
    expect((await run('backup.ts', [], target)).code).toBe(1);
  });
});
