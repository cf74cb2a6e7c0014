/** Backup while the server runs, restore into a fresh DATA_DIR, and the generation that keeps old copies out. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { spawn } from 'node:child_process';
import { ADMIN_TOKEN, ROOT, SEED_IDS, signIn, onPostgres, startTestServer, tempDataDir, type TestServer } from '../helpers/testServer.ts';
import { connect, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { rawPeer } from '../helpers/rawSocket.ts';
import { createBackup } from '../../server/backup/archive.ts';
import { restoreBackup } from '../../server/backup/restore.ts';
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

describe.skipIf(onPostgres())('backup and restore', () => {
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
    const run = runScript;
    const backup = await run('backup.ts', ['--out', file], t.dataDir);
    expect(backup).toMatchObject({ code: 0, out: expect.stringMatching(/Backed up \d+ files/) });
    const target = tempDataDir();
    cleanup.push(() => rmSync(target, { recursive: true, force: true }));
    expect((await run('restore.ts', ['--from', file], target)).code).toBe(0);
    expect((await run('restore.ts', ['--from', file], target)).out).toMatch(/already holds data/);
    expect((await run('backup.ts', [], target)).code).toBe(1);
  });

  describe('refuses a damaged backup before it writes anything', () => {
    interface ArchiveJson {
      manifest?: Array<{ path: string; bytes: number; sha256: string }>;
      files: Array<{ path: string; data: string }>;
    }
    /** Rewrites a backup; with `rehash`, the manifest is made to match (damage a hash cannot catch). */
    function repack(from: string, to: string, change: (archive: ArchiveJson) => void, rehash: boolean): void {
      const archive = JSON.parse(gunzipSync(readFileSync(from)).toString('utf8')) as ArchiveJson;
      change(archive);
      if (rehash) {
        archive.manifest = archive.files.map((f) => {
          const bytes = Buffer.from(f.data, 'base64');
          return { path: f.path, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
        });
      }
      writeFileSync(to, gzipSync(JSON.stringify(archive)));
    }
    const edit = (archive: ArchiveJson, name: string, fn: (bytes: Buffer) => Buffer) => {
      const file = archive.files.find((f) => f.path === name)!;
      file.data = fn(Buffer.from(file.data, 'base64')).toString('base64');
    };
    const halfCut = (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.byteLength / 2));
    const flipMiddle = (bytes: Buffer) => {
      const copy = Buffer.from(bytes);
      const at = Math.floor(copy.byteLength / 2);
      copy.writeUInt8(copy.readUInt8(at) ^ 0x01, at);
      return copy;
    };
    /** Every file under a folder and its bytes, and the folder's siblings: what "untouched" means. */
    function snapshot(dir: string) {
      const files = readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .toSorted();
      const siblings = readdirSync(path.dirname(dir)).filter((name) => name.startsWith(`${path.basename(dir)}.`));
      return { files: files.map((f) => [path.relative(dir, f), readFileSync(f).toString('base64')]), siblings };
    }

    it.each([
      ['a half-cut JSON file, manifest made to match', `threads/${DOC}.json`, halfCut, true, /threads\/.*\.json in the backup is not complete JSON/],
      ['a half-cut records file, manifest not updated', 'accord.json', halfCut, false, /accord\.json in the backup does not match its manifest/],
      ['a flipped byte in a log, manifest made to match', `documents/${DOC}.ylog`, flipMiddle, true, /documents\/.*\.ylog in the backup is damaged/],
      ['a flipped byte in a log, manifest not updated', `documents/${DOC}.ylog`, flipMiddle, false, /\.ylog in the backup does not match its manifest/],
      ['a half-cut version, manifest made to match', 'version', halfCut, true, /versions\/.*\.yjs in the backup cannot be read/],
    ])('%s', async (_what, name, damage, rehash, message) => {
      expect.hasAssertions();
      const { file, dir } = await backupOfAServer();
      const bad = path.join(dir, 'bad.accord');
      repack(file, bad, (archive) => edit(archive, name === 'version' ? archive.files.find((f) => f.path.endsWith('.yjs'))!.path : name, damage), rehash);
      await expectRefused(bad, message);
    });

    it('no logs at all, or no manifest', async () => {
      expect.hasAssertions();
      const { file, dir } = await backupOfAServer();
      const noLogs = path.join(dir, 'no-logs.accord');
      repack(file, noLogs, (archive) => void (archive.files = archive.files.filter((f) => !f.path.endsWith('.ylog'))), true);
      await expectRefused(noLogs, /holds no text for document/);
      const noManifest = path.join(dir, 'no-manifest.accord');
      repack(file, noManifest, (archive) => void delete archive.manifest, false);
      await expectRefused(noManifest, /has no manifest/);
      // A file added without its manifest entry.
      const extra = path.join(dir, 'extra.accord');
      repack(file, extra, (archive) => void archive.files.push({ path: 'threads/extra.json', data: Buffer.from('[]').toString('base64') }), false);
      await expectRefused(extra, /threads\/extra\.json in the backup is not in its manifest/);
    });

    it('exits non-zero from the command line and leaves DATA_DIR as it was', async () => {
      const { file, dir } = await backupOfAServer();
      const bad = path.join(dir, 'bad.accord');
      repack(file, bad, (archive) => edit(archive, `documents/${DOC}.ylog`, flipMiddle), true);
      const target = await occupiedDataDir();
      const before = snapshot(target);
      const result = await runScript('restore.ts', ['--from', bad, '--force'], target);
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/\.ylog in the backup is damaged/);
      expect(snapshot(target)).toEqual(before);
    });

    async function backupOfAServer(): Promise<{ file: string; dir: string }> {
      const t = await server();
      await t.api('POST', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie, body: { name: 'A version' } });
      const sectionId = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.sections[0].id;
      await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie, body: { sectionId, kind: 'general', body: 'A thread' } });
      const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-backup-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      const file = path.join(dir, 'good.accord');
      await createBackup(t.dataDir, file);
      return { file, dir };
    }

    /** A DATA_DIR holding someone's data, which a refused restore must leave exactly as it was. */
    async function occupiedDataDir(): Promise<string> {
      const target = tempDataDir();
      cleanup.push(() => rmSync(target, { recursive: true, force: true }));
      writeFileSync(path.join(target, 'accord.json'), '{"format":1,"seeded":true,"people":[],"sessions":[],"documents":[]}');
      return target;
    }

    async function expectRefused(file: string, message: RegExp): Promise<void> {
      const target = await occupiedDataDir();
      const before = snapshot(target);
      await expect(restoreBackup(target, file, { force: true })).rejects.toThrow(message);
      expect(snapshot(target)).toEqual(before);
      const fresh = path.join(tempDataDir(), 'data');
      cleanup.push(() => rmSync(path.dirname(fresh), { recursive: true, force: true }));
      await expect(restoreBackup(fresh, file)).rejects.toThrow(message);
      expect(readdirSync(path.dirname(fresh))).toEqual([]);
    }
  });

  it('swaps the restored folder in and keeps the one that was there aside', async () => {
    const t = await server();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-backup-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'b.accord');
    await createBackup(t.dataDir, file);
    const target = tempDataDir();
    cleanup.push(() => rmSync(target, { recursive: true, force: true }));
    writeFileSync(path.join(target, 'accord.json'), 'what was there');
    const result = await restoreBackup(target, file, { force: true });
    cleanup.push(() => rmSync(result.movedAside!, { recursive: true, force: true }));
    expect(readdirSync(result.movedAside!)).toEqual(['accord.json']);
    expect(readFileSync(path.join(result.movedAside!, 'accord.json'), 'utf8')).toBe('what was there');
    expect(readdirSync(path.join(target, 'documents')).toSorted()).toEqual(SEED_IDS.map((id) => `${id}.ylog`).toSorted());
    expect(readdirSync(path.dirname(target)).filter((name) => name.startsWith(`${path.basename(target)}.restoring-`))).toEqual([]);
  });
});

function runScript(script: string, args: string[], dataDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}
