/**
 * Hostile input: no request, however malformed, yields a 5xx; a hostile socket frame closes that one
 * connection and disturbs nobody else; a second server on the same DATA_DIR is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { SEED_IDS, onPostgres, startTestServer, testConfig, type TestServer } from '../helpers/testServer.ts';
import { connect, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { rawPeer } from '../helpers/rawSocket.ts';
import { startServer } from '../../server/server.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';
import { CLOSE_CODES } from '../../shared/protocol.ts';
import { MAX_FRAME_BYTES } from '../../shared/limits.ts';

const DOC = SEED_IDS[0];
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('REST', () => {
  it('never answers malformed requests with a 5xx', async () => {
    const rnd = random(42);
    const bodies = [
      '',
      'null',
      '"string"',
      '12',
      '{',
      '{"a":',
      '\u0000\u0001',
      '[]',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      `{"body":${'{"x":'.repeat(50)}1${'}'.repeat(50)}}`,
      JSON.stringify({ sectionId: { $ne: null }, kind: ['general'], body: 1 }),
      JSON.stringify({ __proto__: { admin: true }, constructor: { prototype: {} } }),
      Array.from({ length: 200 }, () => String.fromCharCode(Math.floor(rnd() * 0xffff))).join(''),
    ];
    // Real records, so that a body that got past validation would reach them; none may change.
    const sectionId = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.sections[0].id;
    const thread = (await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie, body: { sectionId, kind: 'general', body: 'Target', proposedText: 'New words' } })).body.id;
    const version = (await t.api('POST', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie, body: { name: 'Target' } })).body.id;
    const stored = async () => [
      (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body,
      (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body,
      (await t.api('GET', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie })).body,
      (await t.api('GET', `/api/people`, { cookie: t.adminCookie })).body,
    ];
    const before = await stored();
    const routes = [
      ['POST', `/api/documents/${DOC}/dispositions`],
      ['POST', `/api/threads/${thread}/apply`],
      ['POST', `/api/threads/${thread}/reaction`],
      ['PATCH', `/api/threads/${thread}`],
      ['POST', `/api/threads/${thread}/replies`],
      ['POST', `/api/documents/${DOC}/versions/${version}/restore`],
      ['GET', `/api/documents/${DOC}/report?format=%00&sections=..%2F&statuses=open,%E0%A4%A`],
      ['GET', `/api/documents/${DOC}/report?format=docx&stakeholders=${'x,'.repeat(2000)}`],
      ['POST', '/join/%E0%A4%A'],
      ['POST', '/api/session'],
      ['POST', '/api/people'],
      ['PATCH', '/api/people/00000000-0000-4000-8000-000000000000'],
      ['POST', `/api/documents/${DOC}/phase`],
      ['POST', `/api/documents/${DOC}/threads`],
      ['POST', '/api/threads/00000000-0000-4000-8000-000000000000/replies'],
      ['PATCH', '/api/threads/00000000-0000-4000-8000-000000000000'],
      ['POST', `/api/documents/${DOC}/versions`],
      ['POST', `/api/documents/${DOC}/signoffs`],
      ['GET', `/api/documents/${DOC}/compare?from=%00&to=..%2F`],
      ['GET', '/api/documents/%E0%A4%A'],
      ['GET', `/api/documents/${'a'.repeat(5000)}`],
    ];
    for (const [method, route] of routes) {
      for (const body of bodies) {
        for (const contentType of ['application/json', 'text/plain']) {
          const res = await fetch(`${t.url}${route}`, {
            method,
            headers: { cookie: t.adminCookie, origin: t.url, 'content-type': contentType },
            body: method === 'GET' ? undefined : body,
          });
          expect(res.status, `${method} ${route} ${body.slice(0, 30)}`).toBeLessThan(500);
          expect(res.status, `${method} ${route} ${body.slice(0, 30)}`).toBeGreaterThanOrEqual(200);
        }
      }
    }
    expect((await t.api('GET', '/api/health')).status).toBe(200);
    expect(await stored()).toEqual(before);
  });
});

describe('the collaboration socket', () => {
  it('closes only the connection that sends garbage, while an honest client stays connected and unchanged', async () => {
    await t.setPhase(DOC, 'revision');
    const honest: CollabClient = connect(t.wsUrl, DOC, (await t.person({ role: 'working-group' })).cookie);
    await honest.synced;
    const before = plainText(honest.doc.getXmlFragment(TEXT_FIELD));
    const rnd = random(7);
    const attacker = await t.person({ role: 'working-group' });
    const frames: Uint8Array[] = [];
    for (let i = 0; i < 1200; i++) {
      const kind = i % 6;
      const len = Math.floor(rnd() * 64);
      const junk = new Uint8Array(len).map(() => Math.floor(rnd() * 256));
      const e = encoding.createEncoder();
      if (kind === 0) frames.push(junk);
      else if (kind === 1) {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, junk);
        frames.push(encoding.toUint8Array(e));
      } else if (kind === 2) {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, junk);
        frames.push(encoding.toUint8Array(e));
      } else if (kind === 3) {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2 ** 31);
        frames.push(encoding.toUint8Array(e));
      } else if (kind === 4) {
        encoding.writeVarUint(e, Math.floor(rnd() * 1000));
        frames.push(encoding.toUint8Array(e));
      } else {
        // A valid update, truncated.
        const d = new Y.Doc();
        d.getText('x').insert(0, 'truncated update');
        const update = Y.encodeStateAsUpdate(d);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, update.subarray(0, Math.max(1, Math.floor(update.length * rnd()))));
        frames.push(encoding.toUint8Array(e));
      }
    }
    let closedMalformed = 0;
    for (const frame of frames) {
      const peer = rawPeer(t.wsUrl, DOC, attacker.cookie);
      await peer.opened;
      peer.send(frame);
      peer.send(new Uint8Array([0, 0, 1, 0])); // a valid sync step 1 after it
      // Survived: the server answered the valid sync step 1 with its step 2 (0, 1). Its greeting may come
      // before or after the fuzzed frame is read (later when the room is read from PostgreSQL), so
      // any other message says nothing.
      const answered = new Promise<{ code: number }>((resolve) =>
        peer.ws.on('message', (data: Buffer) => {
          if (data[0] === 0 && data[1] === 1) resolve({ code: 0 });
        }),
      );
      const outcome = await Promise.race([peer.closed, answered]);
      if (outcome.code === CLOSE_CODES.malformed) closedMalformed++;
      peer.ws.terminate();
    }
    expect(closedMalformed).toBeGreaterThan(400);
    expect(honest.provider.wsconnected).toBe(true);
    // The honest client still edits and is heard.
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Still here after the fuzzing.')]);
    honest.doc.getXmlFragment(TEXT_FIELD).push([p]);
    const probe = connect(t.wsUrl, DOC, t.adminCookie);
    await waitForDoc(probe.doc, () => plainText(probe.doc.getXmlFragment(TEXT_FIELD)).includes('Still here after the fuzzing.'));
    // Nothing any fuzzed frame carried got in: the text is the honest text plus the honest edit.
    expect(plainText(probe.doc.getXmlFragment(TEXT_FIELD))).toBe(`${before}Still here after the fuzzing.`);
    honest.destroy();
    probe.destroy();
    // 1,200 connections one after another: on PostgreSQL each one's session and membership are read
    // from the database (about 15 ms each on a loaded 2-core machine, against 2 ms from memory).
  }, 120_000);

  it('closes a connection whose frame is larger than the limit, with 1009', async () => {
    const peer = rawPeer(t.wsUrl, DOC, t.adminCookie);
    await peer.opened;
    peer.send(new Uint8Array(MAX_FRAME_BYTES + 1));
    expect((await peer.closed).code).toBe(1009);
  });
});

describe('the data directory', () => {
  // With PostgreSQL, processes share the database and DATA_DIR holds only the outbox: no lock.
  it.skipIf(onPostgres())('refuses a second server on the same DATA_DIR', async () => {
    await expect(startServer(testConfig(t.dataDir))).rejects.toThrow(/Another Accord server/);
  });
});
