/**
 * A data folder written by the previous release (tests/fixtures/previous-release, records format 1,
 * no memberships) opens unchanged: every person takes part in every document with their role, and the
 * folder is brought to format 2 once, durably, at start.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, signIn, onPostgres, startTestServer, tempDataDir, testConfig, type TestServer } from '../helpers/testServer.ts';
import { startServer } from '../../server/server.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/previous-release');
const WANDA = 'dd2eb1f0-58ad-4d9e-ae90-06042788e0dc';
const PAT = 'ad60dc5b-d745-412d-847c-ddb1bb96b792';
const RITA = '76839d25-ec7e-4137-a5ec-8413e78df3c0';
const COOPERATION = 'cooperation-with-civil-society';
const STIGMA = 'reducing-drug-related-stigma';

let t: TestServer | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function copyOfPreviousRelease(): string {
  const dir = tempDataDir();
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}
const recordsOn = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'accord.json'), 'utf8'));

async function signInAs(personId: string): Promise<string> {
  const renewed = await t!.api('POST', `/api/people/${personId}/invitation`, { cookie: t!.adminCookie });
  expect(renewed.status).toBe(200);
  return signIn(t!.url, renewed.body.inviteToken);
}

describe.skipIf(onPostgres())('opening a data folder of the previous release', () => {
  it('keeps everyone in every document with their role, and writes format 2 at start', async () => {
    const dir = copyOfPreviousRelease();
    expect(recordsOn(dir).format).toBe(1);
    t = await startTestServer({ dataDir: dir });

    const onDisk = recordsOn(dir);
    expect(onDisk.format).toBe(2);
    const memberships = onDisk.memberships.map((m: { documentId: string; personId: string; role: string }) => `${m.documentId} ${m.personId} ${m.role}`).toSorted();
    expect(memberships).toEqual(
      [
        `${COOPERATION} ${PAT} participant`,
        `${COOPERATION} ${RITA} reviewer`,
        `${COOPERATION} ${WANDA} working-group`,
        `${STIGMA} ${PAT} participant`,
        `${STIGMA} ${RITA} reviewer`,
        `${STIGMA} ${WANDA} working-group`,
      ].toSorted(),
    );

    const pat = await signInAs(PAT);
    const list = await t.api('GET', '/api/documents', { cookie: pat });
    expect(list.body.map((d: { id: string; role: string; comments: number; unanswered: number }) => `${d.id} ${d.role} ${d.comments} ${d.unanswered}`).toSorted()).toEqual([
      `${COOPERATION} participant 1 1`,
      `${STIGMA} participant 1 1`,
    ]);
    const threads = await t.api('GET', `/api/documents/${STIGMA}/threads`, { cookie: pat });
    expect(threads.body).toHaveLength(1);
    expect(threads.body[0]).toMatchObject({
      body: `A comment on ${STIGMA} by Pat.`,
      author: { id: PAT, name: 'Pat Participant' },
      replies: [{ body: 'Thank you, Pat.', author: { id: WANDA, name: 'Wanda Group' } }],
    });

    const wanda = await signInAs(WANDA);
    await t.setPhase(COOPERATION, 'drafting');
    expect((await t.api('POST', `/api/documents/${COOPERATION}/versions`, { cookie: wanda, body: { name: 'Working group version' } })).status).toBe(201);
    const rita = await signInAs(RITA);
    expect((await t.api('GET', `/api/documents/${COOPERATION}/report`, { cookie: rita })).status).toBe(200);
    expect((await t.api('GET', `/api/documents/${COOPERATION}/members`, { cookie: t.adminCookie })).body).toHaveLength(3);
  });

  it('migrates once: a restart leaves the memberships as they were, and later changes hold', async () => {
    const dir = copyOfPreviousRelease();
    t = await startTestServer({ dataDir: dir });
    expect((await t.api('DELETE', `/api/documents/${STIGMA}/members/${PAT}`, { cookie: t.adminCookie })).status).toBe(204);
    const before = recordsOn(dir).memberships;
    await t.restart();
    expect(recordsOn(dir).format).toBe(2);
    expect(recordsOn(dir).memberships).toEqual(before);
    expect(before).toHaveLength(5);
    const pat = await signInAs(PAT);
    expect((await t.api('GET', `/api/documents/${STIGMA}`, { cookie: pat })).status).toBe(404);
  });

  it('reads the sign-in dates of people invited before they were kept back from the audit log, once', async () => {
    const dir = copyOfPreviousRelease();
    const records = recordsOn(dir);
    const never = { ...records.people.find((p: { id: string }) => p.id === PAT), id: '0b7c4a52-3f3e-4d7b-9a43-1d2c7c1a9e10', name: 'Never Before', email: 'never.before@example.org', tokenHash: 'x' };
    records.people.push(never);
    writeFileSync(path.join(dir, 'accord.json'), JSON.stringify(records));
    t = await startTestServer({ dataDir: dir });
    const people = async () => (await t!.api('GET', '/api/people', { cookie: t!.adminCookie })).body as Array<{ id: string; firstSignInAt: string | null; lastSeenAt: string | null }>;
    const byId = new Map((await people()).map((p) => [p.id, p]));
    // The fixture's audit log: Wanda signed in at 16:11:07.031 on 2 December 2026.
    expect(byId.get(WANDA)).toMatchObject({ firstSignInAt: '2026-12-02T16:11:07.031Z', lastSeenAt: '2026-12-02T16:11:07.031Z' });
    expect(byId.get(never.id)).toMatchObject({ firstSignInAt: null, lastSeenAt: null });
    expect(recordsOn(dir).people.find((p: { id: string }) => p.id === never.id).firstSignInAt).toBeNull();
    await t.restart();
    expect((await people()).find((p) => p.id === WANDA)).toMatchObject({ firstSignInAt: '2026-12-02T16:11:07.031Z' });
  });

  it('refuses a folder written by a later release, and leaves it as it was', async () => {
    const dir = copyOfPreviousRelease();
    const later = { ...recordsOn(dir), format: 3, memberships: [] };
    writeFileSync(path.join(dir, 'accord.json'), JSON.stringify(later));
    const text = readFileSync(path.join(dir, 'accord.json'), 'utf8');
    try {
      await expect(startServer(testConfig(dir))).rejects.toThrow(/format 3, written by a later release/);
      expect(readFileSync(path.join(dir, 'accord.json'), 'utf8')).toBe(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
