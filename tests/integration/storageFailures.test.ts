/** Damaged data is refused, never overwritten; a failed write answers 503 and changes nothing. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { promises as fsPromises, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../../server/server.ts';
import { SEED_IDS, startTestServer, tempDataDir, testConfig } from '../helpers/testServer.ts';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const f of cleanup.splice(0).toReversed()) await f();
});

describe('damaged data', () => {
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

describe('a failed write', () => {
  it('answers 503, keeps memory as the disk has it, and works again once the disk does', async () => {
    const t = await startTestServer();
    cleanup.push(() => t.close());
    const sectionId = (await t.api('GET', `/api/documents/${SEED_IDS[0]}`, { cookie: t.adminCookie })).body.sections[0].id;
    const post = () => t.api('POST', `/api/documents/${SEED_IDS[0]}/threads`, { cookie: t.adminCookie, body: { sectionId, kind: 'general', body: 'Saved or not?' } });
    // The disk is full: every file the server opens for writing fails.
    const realOpen = fsPromises.open.bind(fsPromises);
    const spy = vi.spyOn(fsPromises, 'open').mockImplementation(async (file, flags, mode) => {
      if (flags === 'w') throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return realOpen(file, flags, mode);
    });
    const failed = await post();
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('storage_unavailable');
    expect((await t.api('GET', `/api/documents/${SEED_IDS[0]}/threads`, { cookie: t.adminCookie })).body).toEqual([]);
    spy.mockRestore();
    expect((await post()).status).toBe(201);
    expect((await t.api('GET', `/api/documents/${SEED_IDS[0]}/threads`, { cookie: t.adminCookie })).body).toHaveLength(1);
  });
});
