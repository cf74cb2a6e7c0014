/**
 * Reading a document writes nothing: REST reads and a comment posted with nobody connected leave its
 * log as it was, and a document nobody holds stays loaded for a grace period so that the next request
 * reuses it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SEED_IDS, onPostgres, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/collabClient.ts';

const DOC: string = SEED_IDS[0];
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).toReversed()) await f();
});

async function server(config: { roomGraceMs?: number } = {}): Promise<TestServer> {
  const t = await startTestServer({ config });
  cleanup.push(() => t.close());
  return t;
}

function logFile(t: TestServer) {
  const file = path.join(t.dataDir, 'documents', `${DOC}.ylog`);
  const { ino, mtimeMs } = statSync(file);
  return { ino, mtimeMs, bytes: readFileSync(file) };
}

describe('reading a document', () => {
  // Reads lowdb's log file (its inode and bytes).
  it.skipIf(onPostgres())('leaves its log as it was: GETs, a comment with nobody connected, and the unload after them', async () => {
    const t = await server();
    // The seed import and its first version are done; let the rooms they used go.
    await waitFor(() => t.server.services.collab.rooms.size === 0, 5000, 'the start-up rooms to unload');
    const before = logFile(t);
    const get = async (route: string) => expect((await t.api('GET', route, { cookie: t.adminCookie })).status).toBe(200);
    const document = await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie });
    await get(`/api/documents/${DOC}/threads`);
    await get(`/api/documents/${DOC}/report`);
    await get(`/api/documents/${DOC}/versions`);
    const versionId = (await t.api('GET', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie })).body[0].id;
    await get(`/api/documents/${DOC}/compare?from=${versionId}`);
    const posted = await t.api('POST', `/api/documents/${DOC}/threads`, {
      cookie: t.adminCookie,
      body: { sectionId: document.body.sections[0].id, kind: 'general', body: 'Posted with nobody connected' },
    });
    expect(posted.status).toBe(201);
    await waitFor(() => t.server.services.collab.rooms.size === 0, 5000, 'the room to unload');
    expect(logFile(t)).toEqual(before);
  });

  it('keeps a document nobody holds for its grace period, so the next request reuses it', async () => {
    const t = await server({ roomGraceMs: 60_000 });
    const rooms = t.server.services.collab.rooms;
    await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie });
    const first = await rooms.loaded(DOC);
    expect(first?.holders).toBe(0);
    await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie });
    expect(await rooms.loaded(DOC)).toBe(first);
    expect(rooms.size).toBe(SEED_IDS.length);
  });
});
