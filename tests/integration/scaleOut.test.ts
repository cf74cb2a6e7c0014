/**
 * Three `npm start` processes on one PostgreSQL schema and one Redis prefix (docs/SCALING.md): what
 * one does, the others' clients see. Real processes, real y-websocket clients, real Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ADMIN_TOKEN, SEED_IDS, signIn } from '../helpers/testServer.ts';
import { connect, waitFor, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { rawPeer } from '../helpers/rawSocket.ts';
import { rmSync } from 'node:fs';
import { spawnServer } from '../helpers/serverProcess.ts';
import { tempDataDir } from '../helpers/testServer.ts';
import { REDIS_HOST, REDIS_PORT, postgresUnavailable, sharedDatabaseUrl, scaleOutUnavailable, startDeployment, writeParagraph, type Deployment } from '../helpers/scaleOut.ts';
import { openRedisBus, type RedisBus } from '../../server/scale/redisBus.ts';
import { schedulerLease } from '../../server/scale/schedulerLease.ts';
import { createLogger } from '../../server/log.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';
import { CLOSE_CODES } from '../../shared/protocol.ts';

const unavailable = await scaleOutUnavailable();
const pgUnavailable = await postgresUnavailable();
const TEXT_DOC = SEED_IDS[0];
const COMMENT_DOC = SEED_IDS[1];

let deployment: Deployment;
const urls = () => deployment.servers.map((s) => s.url);
const clients: CollabClient[] = [];
let admin: string;

const textOf = (doc: Y.Doc) => plainText(doc.getXmlFragment(TEXT_FIELD));
const ws = (url: string) => url.replace(/^http/, 'ws');
function client(url: string, cookie: string, doc?: Y.Doc): CollabClient {
  const c = connect(ws(url), TEXT_DOC, cookie, doc ? { doc } : {});
  clients.push(c);
  return c;
}
async function api(url: string, method: string, route: string, cookie: string, body?: unknown) {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { cookie, origin: url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
let invited = 0;
async function invite(url: string): Promise<{ id: string; cookie: string }> {
  invited++;
  const res = await api(url, 'POST', '/api/people', admin, {
    name: `Scale ${invited}`,
    email: `scale${invited}@example.org`,
    role: 'participant',
    country: 'FR',
    organisation: 'Example',
    stakeholder: 'civil-society',
  });
  expect(res.status).toBe(201);
  return { id: res.body.person.id, cookie: await signIn(url, res.body.inviteToken) };
}

/** A live event stream of a document, read as it comes. */
async function listen(url: string, documentId: string, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/documents/${documentId}/events`, { headers: { cookie }, signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return void (ended = true);
      buffer += decoder.decode(value);
    }
  })();
  await waitFor(() => buffer.includes('event: ready') || ended, 10_000, 'the stream to be ready');
  return {
    text: () => buffer,
    ended: () => ended,
    close: () => {
      controller.abort();
      return pump;
    },
  };
}

describe.skipIf(unavailable)(`three processes on one PostgreSQL and one Redis${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  beforeAll(async () => {
    deployment = await startDeployment(3);
    admin = await signIn(urls()[0]!, ADMIN_TOKEN);
    const phase = await api(urls()[0]!, 'POST', `/api/documents/${TEXT_DOC}/phase`, admin, { phase: 'drafting' });
    if (phase.status !== 200) throw new Error(`phase change failed: ${phase.status}`);
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await deployment?.close();
  });

  it('relays edits made on each process to the clients of the others, and a late client reads them all', async () => {
    const editors = urls().map((url) => client(url, admin));
    await Promise.all(editors.map((e) => e.synced));
    editors.forEach((e, i) => writeParagraph(e.doc, `Edit made through process ${i}.`));
    for (const e of editors) await waitForDoc(e.doc, () => [0, 1, 2].every((i) => textOf(e.doc).includes(`Edit made through process ${i}.`)));
    const [first, ...others] = editors.map((e) => Y.encodeStateVector(e.doc));
    for (const other of others) expect(other).toEqual(first);

    const late = client(urls()[2]!, admin);
    await late.synced;
    for (const i of [0, 1, 2]) expect(textOf(late.doc).split(`Edit made through process ${i}.`)).toHaveLength(2);
  });

  it('shows the presence of a client of one process to the clients of another, and its leaving', async () => {
    const [here, there] = [client(urls()[0]!, admin), client(urls()[2]!, admin)];
    await Promise.all([here.synced, there.synced]);
    here.provider.awareness.setLocalStateField('cursor', { at: 'paragraph 1' });
    const id = here.doc.clientID;
    await waitFor(() => there.provider.awareness.getStates().get(id)?.cursor?.at === 'paragraph 1', 5000, 'the presence on the third process');
    // The server stamps who is behind the presence: the person's name reaches the other process too.
    expect(there.provider.awareness.getStates().get(id)?.user).toBeTruthy();
    here.provider.disconnect();
    await waitFor(() => !there.provider.awareness.getStates().has(id), 5000, 'the presence to leave the third process');
  });

  it('re-checks the sockets of every process when the phase changes on one', async () => {
    const socket = rawPeer(ws(urls()[1]!), TEXT_DOC, admin);
    await socket.opened;
    const change = (phase: string) => api(urls()[0]!, 'POST', `/api/documents/${TEXT_DOC}/phase`, admin, { phase });
    // The Secretariat edits in drafting, not in consultation: its socket on the second process must close.
    expect((await change('consultation')).status).toBe(200);
    expect((await socket.closed).code).toBe(CLOSE_CODES.rightsChanged);
    expect((await change('drafting')).status).toBe(200);
  });

  it('takes the version of a phase change only once every process holds the writes', async () => {
    const markers = (text: string) => Math.max(0, ...[...text.matchAll(/\bw(\d+)\b/g)].map((m) => Number(m[1])));
    const writer = client(urls()[1]!, admin);
    await writer.synced;
    const paragraph = new Y.XmlElement('paragraph');
    const words = new Y.XmlText('');
    paragraph.insert(0, [words]);
    writer.doc.getXmlFragment(TEXT_FIELD).push([paragraph]);
    // Typing on the second process as fast as it can while the first changes the phase.
    let n = 0;
    const typing = setInterval(() => words.insert(words.length, ` w${++n}`), 1);
    await waitFor(() => n > 50, 5000, 'typing to start');
    const changed = await api(urls()[0]!, 'POST', `/api/documents/${TEXT_DOC}/phase`, admin, { phase: 'consultation' });
    clearInterval(typing);
    expect(changed.status).toBe(200);
    // What every process holds, once they agree.
    const [a, b] = [client(urls()[0]!, admin), client(urls()[2]!, admin)];
    await Promise.all([a.synced, b.synced]);
    await waitForDoc(b.doc, () => textOf(b.doc) === textOf(a.doc), 10_000);
    const versions = (await api(urls()[0]!, 'GET', `/api/documents/${TEXT_DOC}/versions`, admin)).body as Array<{ id: string; createdAt: string }>;
    const newest = versions.toSorted((x, y) => y.createdAt.localeCompare(x.createdAt))[0]!;
    const version = (await api(urls()[0]!, 'GET', `/api/documents/${TEXT_DOC}/versions/${newest.id}`, admin)).body;
    const live = markers(textOf(a.doc));
    expect(live).toBeGreaterThan(50);
    // No edit is in the text of the new phase that is not in the version taken when it began.
    expect(markers(JSON.stringify(version))).toBe(live);
    expect((await api(urls()[0]!, 'POST', `/api/documents/${TEXT_DOC}/phase`, admin, { phase: 'drafting' })).status).toBe(200);
  });

  it('shows a comment posted on one process in the event stream of another', async () => {
    const author = await invite(urls()[0]!);
    const reader = await invite(urls()[1]!);
    const stream = await listen(urls()[1]!, COMMENT_DOC, reader.cookie);
    const sectionId = (await api(urls()[0]!, 'GET', `/api/documents/${COMMENT_DOC}`, author.cookie)).body.sections[0].id;
    const posted = await api(urls()[0]!, 'POST', `/api/documents/${COMMENT_DOC}/threads`, author.cookie, { sectionId, kind: 'general', body: 'Posted on the first process' });
    expect(posted.status).toBe(201);
    await waitFor(() => stream.text().includes('Posted on the first process'), 5000, 'the comment on the second process');
    expect(stream.text()).toMatch(/event: thread\ndata: \{"type":"thread"/);
    await stream.close();
  });

  it('refuses a signed-out session on every process, and closes its sockets and streams there', async () => {
    const person = await invite(urls()[0]!);
    const socket = rawPeer(ws(urls()[1]!), COMMENT_DOC, person.cookie);
    await socket.opened;
    const stream = await listen(urls()[2]!, COMMENT_DOC, person.cookie);
    expect((await api(urls()[0]!, 'DELETE', '/api/session', person.cookie)).status).toBe(204);
    expect((await socket.closed).code).toBe(CLOSE_CODES.unauthenticated);
    await waitFor(() => stream.ended(), 5000, 'the stream on the third process to end');
    for (const url of urls()) expect((await api(url, 'GET', '/api/session', person.cookie)).status).toBe(401);
  });

  it('takes a removed member out of the document on every process', async () => {
    const person = await invite(urls()[0]!);
    const socket = rawPeer(ws(urls()[1]!), COMMENT_DOC, person.cookie);
    await socket.opened;
    const stream = await listen(urls()[2]!, COMMENT_DOC, person.cookie);
    expect((await api(urls()[0]!, 'DELETE', `/api/documents/${COMMENT_DOC}/members/${person.id}`, admin)).status).toBe(204);
    expect((await socket.closed).code).toBe(CLOSE_CODES.forbidden);
    await waitFor(() => stream.ended(), 5000, 'the stream on the third process to end');
    for (const url of urls()) expect((await api(url, 'GET', `/api/documents/${COMMENT_DOC}`, person.cookie)).status).toBe(404);
  });

  it('counts failed sign-ins from one address across every process', async () => {
    const attempt = (url: string) =>
      fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ token: 'not-a-token' }) });
    // SIGNIN_LIMIT_PER_MINUTE is 10: ten failures spread over three processes, then every one refuses.
    for (let i = 0; i < 10; i++) expect((await attempt(urls()[i % 3]!)).status).toBe(401);
    for (const url of urls()) expect((await attempt(url)).status).toBe(429);
    // A valid token still gets in.
    expect(await signIn(urls()[1]!, ADMIN_TOKEN)).toMatch(/^accord_session=/);
  });

  it('loses no edit while Redis is away: each process reads the database again when it is back', async () => {
    const [a, b] = [client(urls()[0]!, admin), client(urls()[1]!, admin)];
    await Promise.all([a.synced, b.synced]);
    await deployment.redisGate.shut();
    writeParagraph(a.doc, 'Written on the first while Redis was away.');
    writeParagraph(b.doc, 'Written on the second while Redis was away.');
    await deployment.redisGate.open();
    for (const c of [a, b]) await waitForDoc(c.doc, () => textOf(c.doc).includes('first while Redis') && textOf(c.doc).includes('second while Redis'), 15_000);
    // And Redis relays again.
    writeParagraph(a.doc, 'Written after Redis came back.');
    await waitForDoc(b.doc, () => textOf(b.doc).includes('after Redis came back'));
    expect(Y.encodeStateVector(b.doc)).toEqual(Y.encodeStateVector(a.doc));
  });

  it('after Redis was away, re-checks the sockets of every process and tells its event streams to start over', async () => {
    const [reader, leaver] = [await invite(urls()[0]!), await invite(urls()[0]!)];
    const stream = await listen(urls()[1]!, COMMENT_DOC, reader.cookie);
    const leaversStream = await listen(urls()[1]!, COMMENT_DOC, leaver.cookie);
    const socket = rawPeer(ws(urls()[1]!), TEXT_DOC, admin);
    await socket.opened;
    const sectionId = (await api(urls()[0]!, 'GET', `/api/documents/${COMMENT_DOC}`, reader.cookie)).body.sections[0].id;
    await deployment.redisGate.shut();
    expect((await api(urls()[0]!, 'DELETE', '/api/session', leaver.cookie)).status).toBe(204);
    // Both are stored; what would have told the second process is lost with Redis.
    const posted = await api(urls()[0]!, 'POST', `/api/documents/${COMMENT_DOC}/threads`, reader.cookie, { sectionId, kind: 'general', body: 'Posted while Redis was away' });
    expect(posted.status).toBe(201);
    expect((await api(urls()[0]!, 'POST', `/api/documents/${TEXT_DOC}/phase`, admin, { phase: 'consultation' })).status).toBe(200);
    await deployment.redisGate.open();
    // The Secretariat edits in drafting only: the socket on the second process closes once Redis is back.
    expect((await socket.closed).code).toBe(CLOSE_CODES.rightsChanged);
    // The stream says `ready` again, on which a client fetches the list, which has the comment.
    // (Once for its own connection, and again for each catch-up another process sends.)
    await waitFor(() => stream.text().split('event: ready').length >= 3, 15_000, 'a second ready on the stream');
    expect(stream.ended()).toBe(false);
    // The stream of a session that ended meanwhile is closed instead.
    await waitFor(() => leaversStream.ended(), 5000, 'the signed-out stream to end');
    const listed = await api(urls()[1]!, 'GET', `/api/documents/${COMMENT_DOC}/threads`, reader.cookie);
    expect(JSON.stringify(listed.body)).toContain('Posted while Redis was away');
    await stream.close();
    expect((await api(urls()[0]!, 'POST', `/api/documents/${TEXT_DOC}/phase`, admin, { phase: 'drafting' })).status).toBe(200);
  });

  it('loses nothing another process saw when one is killed mid-burst; its clients converge on another', async () => {
    const writer = client(urls()[0]!, admin);
    const watcher = client(urls()[1]!, admin);
    await Promise.all([writer.synced, watcher.synced]);
    const BURST = 200;
    let seenAtKill = '';
    for (let i = 0; i < BURST; i++) {
      writeParagraph(writer.doc, `Burst line ${i}.`);
      if (i === BURST / 2) {
        await waitForDoc(watcher.doc, () => textOf(watcher.doc).includes('Burst line 20.'));
        deployment.servers[0]!.child.kill('SIGKILL');
        seenAtKill = textOf(watcher.doc);
      }
      if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await deployment.servers[0]!.exited;
    const acknowledged = seenAtKill.match(/Burst line \d+\./g)!;
    expect(acknowledged.length).toBeGreaterThan(0);

    // What the second process had relayed is stored: a process started now reads it from the database.
    const fourth = await deployment.spawn();
    const fresh = client(fourth.url, admin);
    await fresh.synced;
    for (const line of acknowledged) expect(textOf(fresh.doc)).toContain(line);

    // The writer's client reconnects to another process with its document and everything converges.
    writer.provider.destroy();
    const moved = client(urls()[1]!, admin, writer.doc);
    await moved.synced;
    const all = Array.from({ length: BURST }, (_, i) => `Burst line ${i}.`);
    for (const c of [watcher, fresh]) await waitForDoc(c.doc, () => all.every((line) => textOf(c.doc).includes(line)), 15_000);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(writer.doc));
  });
});

describe.skipIf(unavailable)(`the mail scheduler's pass, once per deployment${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const buses: RedisBus[] = [];
  afterAll(async () => {
    await buses[0]?.commands.del(buses[0].name('mail-scheduler-pass'));
    for (const bus of buses) await bus.close();
  });

  it('runs in one of three processes per interval, and in another once the interval is over', async () => {
    const prefix = `accord-test:lease-${Date.now()}-${Math.random().toString(36).slice(2)}:`;
    const log = createLogger('silent');
    for (let i = 0; i < 3; i++) buses.push(await openRedisBus(`redis://${REDIS_HOST}:${REDIS_PORT}`, prefix, log));
    const INTERVAL_MS = 300;
    const turns = buses.map((bus) => schedulerLease(bus, INTERVAL_MS, log));
    const first = await Promise.all(turns.map((turn) => turn()));
    expect(first.filter(Boolean)).toHaveLength(1);
    expect(await Promise.all(turns.map((turn) => turn()))).toEqual([false, false, false]);
    await waitFor(async () => (await buses[0]!.commands.exists(buses[0]!.name('mail-scheduler-pass'))) === 0, 2000, 'the lease to expire');
    const second = await Promise.all(turns.toReversed().map((turn) => turn()));
    expect(second.filter(Boolean)).toHaveLength(1);
  });
});

describe('starting with REDIS_URL', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const dataDir = () => {
    const dir = tempDataDir();
    dirs.push(dir);
    return dir;
  };

  it('refuses REDIS_URL without DATABASE_URL, saying why', async () => {
    const start = spawnServer({ DATA_DIR: dataDir(), DATABASE_URL: '', REDIS_URL: `redis://${REDIS_HOST}:${REDIS_PORT}` });
    await expect(start).rejects.toThrow(/REDIS_URL needs DATABASE_URL/);
  });

  it.skipIf(pgUnavailable)('refuses to start when Redis does not answer, saying so', async () => {
    const start = spawnServer({ DATA_DIR: dataDir(), DATABASE_URL: sharedDatabaseUrl(), DATABASE_SCHEMA: `scale_refused_${Date.now()}`, REDIS_URL: 'redis://127.0.0.1:1' });
    await expect(start).rejects.toThrow(/Redis does not answer at REDIS_URL/);
  });
});
