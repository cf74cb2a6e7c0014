/**
 * A document page opened by its address carries the document's words for a signed-in member, and
 * only for one: anyone else gets the plain page, byte for byte, as for an unknown document. A
 * temporary client folder stands in for the build, so the plain page is known here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, signIn, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { writeParagraph } from '../helpers/scaleOut.ts';
import { comment } from '../browser/threadFixtures.ts';

const INDEX = `<!doctype html>\n<html lang="en">\n<head><title>Accord</title><link rel="stylesheet" href="/assets/index-ccc.css"></head>\n<body><div id="root"></div></body>\n</html>\n`;
const MANIFEST = {
  'index.html': { file: 'assets/index-aaa.js', css: ['assets/index-ccc.css'] },
  'pages/DocumentPage.tsx': { file: 'assets/DocumentPage-ddd.js', css: ['assets/DocumentPage-ggg.css'] },
};
const [A, B] = SEED_IDS;
const HOSTILE = `Wording "quoted" & <script>alert('x')</script> $& $' $\` end`;

let t: TestServer;
let clientDir: string;
let member: string;

beforeAll(async () => {
  clientDir = mkdtempSync(path.join(os.tmpdir(), 'accord-boot-'));
  mkdirSync(path.join(clientDir, 'assets'));
  mkdirSync(path.join(clientDir, '.vite'));
  writeFileSync(path.join(clientDir, 'index.html'), INDEX);
  writeFileSync(path.join(clientDir, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
  t = await startTestServer({ config: { clientDir } });
  const room = await t.server.services.collab.rooms.acquire(A);
  try {
    writeParagraph(room.doc, HOSTILE);
  } finally {
    await t.server.services.collab.rooms.release(room);
  }
  member = await invite([A]);
});

afterAll(async () => {
  await t.close();
  rmSync(clientDir, { recursive: true, force: true });
});

let invited = 0;
async function invite(documents: string[], language: 'en' | 'fr' = 'en'): Promise<string> {
  const n = ++invited;
  const body = { name: `Reader ${n}`, email: `reader${n}@example.org`, role: 'participant', country: 'PT', stakeholder: 'government', language, documents };
  const res = await t.api('POST', '/api/people', { cookie: t.adminCookie, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return signIn(t.url, res.body.inviteToken);
}

const page = async (route: string, cookie?: string) => {
  const res = await fetch(`${t.url}${route}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, headers: res.headers, body: await res.text() };
};

describe("a document page's words, sent with the page", () => {
  it('are in the page for a member, escaped, in the page layout, never cached', async () => {
    const res = await page(`/documents/${A}`, member);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('vary')).toContain('Cookie');
    const boot = res.body.slice(res.body.indexOf('<div id="boot-text"'), res.body.indexOf('<div id="root">'));
    expect(boot).toContain('Draft for consultation at the Module II seminar.');
    expect(boot).toContain('<p>Wording &quot;quoted&quot; &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; $&amp; $&#39; $` end</p>');
    expect(res.body).not.toContain('<script>alert');
    expect(boot).toContain('aria-busy="true"');
    // The page's own style sheet, so the words sit in the layout the page will have.
    expect(res.body).toContain('<link rel="stylesheet" crossorigin href="/assets/DocumentPage-ggg.css"></head>');
    expect(res.body).toMatch(/<title>Draft guidance[^<]* · Accord<\/title>/);
    expect(res.body.endsWith('<div id="root"></div></body>\n</html>\n')).toBe(true);
  });

  it("speak the reader's language around the words, and keep the text's own", async () => {
    const res = await page(`/documents/${A}`, await invite([A], 'fr'));
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toContain('aria-label="Texte du document"');
    expect(res.body).toContain('lang="en">');
    expect(res.body).toContain('Chargement du document…');
    expect(res.body).toContain('Draft for consultation at the Module II seminar.');
  });

  it('are sent compressed to a browser that accepts it', async () => {
    const { request } = await import('node:http');
    const { gunzipSync } = await import('node:zlib');
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      const req = request(`${t.url}/documents/${A}`, { headers: { cookie: member, 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).toString()).toContain('Draft for consultation at the Module II seminar.');
  });

  it("carry the comments' highlights: open and answered ones, not withdrawn ones", async () => {
    const [open, answered, withdrawn] = await comment(t, A, [
      { cookie: member, paragraph: 0, from: 4, to: 19, body: 'Open' },
      { cookie: member, paragraph: 1, from: 0, to: 12, body: 'Answered' },
      { cookie: member, paragraph: 2, from: 2, to: 9, body: 'Withdrawn' },
    ]);
    const answer = await t.api('PATCH', `/api/threads/${answered!.id}`, { cookie: t.adminCookie, body: { status: 'accepted', response: 'Done.' } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect((await t.api('DELETE', `/api/threads/${withdrawn!.id}`, { cookie: member })).status).toBe(204);
    const { body } = await page(`/documents/${A}`, member);
    const marks = [...body.matchAll(/<mark data-thread-id="([^"]+)"( data-answered)?>([^<]*)<\/mark>/g)].map(([, id, answeredFlag, words]) => ({ state: answeredFlag ? 'answered' : 'open', id, words }));
    // The words each highlight covers are those the thread quotes (as the API reads them from the text).
    expect(marks).toEqual([
      { state: 'open', id: open!.id, words: open!.quote },
      { state: 'answered', id: answered!.id, words: answered!.quote },
    ]);
    expect(body).not.toContain(withdrawn!.id);
  });

  it('are not there for anyone else: the plain page, as for an unknown document', async () => {
    const outsider = await invite([B]);
    for (const [route, cookie] of [
      [`/documents/${A}`, undefined],
      [`/documents/${A}`, outsider],
      [`/documents/${A}`, 'accord_session=not-a-session'],
      ['/documents/no-such-document', member],
      [`/documents/${B}`, member],
    ] as const) {
      const res = await page(route, cookie);
      expect(res.status, route).toBe(200);
      expect(res.body, `${route} ${cookie}`).toBe(INDEX);
    }
  });
});
