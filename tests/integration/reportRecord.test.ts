/**
 * The record in the exports: the text as commented on even after wording was applied, the text now,
 * who applied it and when, and comments received by e-mail, in the CSV, Markdown and Word files.
 */
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer;
let original = '';

async function download(format: string): Promise<string> {
  const res = await fetch(`${t.url}/api/documents/${DOC}/report?format=${format}`, { headers: { cookie: t.adminCookie } });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (format !== 'docx') return new TextDecoder().decode(bytes);
  const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ').replaceAll('&quot;', '"');
}

beforeAll(async () => {
  t = await startTestServer();
  const author = await t.person({ name: 'Ana Ruiz', country: 'ES' });
  const mailed = await t.person({ name: 'Amal Haddad', country: 'JO' });
  const target = await t.server.services.collab.rooms.use(DOC, (room) => {
    const [first] = paragraphs(room.doc);
    return { sectionId: first!.sectionId, ...anchorOn(first!.text, 0, 24) };
  });
  original = target.quote;
  const posted = await t.api('POST', `/api/documents/${DOC}/threads`, {
    cookie: author.cookie,
    body: { sectionId: target.sectionId, anchor: target.anchor, kind: 'editorial', body: 'Say it plainly.', proposedText: 'Plain words here' },
  });
  if (posted.body.ref !== 'ES-001') throw new Error(`unexpected ref ${posted.body.ref}`);
  const entered = await t.api('POST', `/api/documents/${DOC}/threads`, {
    cookie: t.adminCookie,
    body: { sectionId: target.sectionId, kind: 'general', body: 'Sent by mail.', onBehalfOf: mailed.person.id, receivedAt: '2025-05-04T10:00:00Z' },
  });
  if (entered.body.ref !== 'JO-001') throw new Error(`unexpected ref ${entered.body.ref}`);
  await t.setPhase(DOC, 'revision');
  const apply = await t.api('POST', `/api/threads/${posted.body.id}/apply`, { cookie: t.adminCookie, body: {} });
  if (apply.status !== 200) throw new Error(`apply refused: ${JSON.stringify(apply.body)}`);
});
afterAll(() => t.close());

it('keeps the quote as commented on in the JSON, with the text now beside it', async () => {
  const threads = (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body;
  const applied = threads.find((th: { ref: string }) => th.ref === 'ES-001');
  expect(applied).toMatchObject({ originalQuote: original, quote: 'Plain words here', applied: { by: 'Secretariat' } });
});

it('shows both texts, the application and the e-mail in the CSV', async () => {
  const csv = await download('csv');
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC' }).format(new Date());
  // Every field is quoted, none of these contains a quote or a line break.
  const header = csv.slice(1).split('\r\n')[0]!.split(',');
  const at = header.indexOf('link');
  const fields = (ref: string) => csv.split('\r\n').find((line) => line.startsWith(`"${ref}"`))!.slice(1, -1).split('","');
  const row = (ref: string) => fields(ref).slice(at, at + 6);
  expect(header.slice(at, at + 6)).toEqual(['link', 'quote_now', 'applied_on', 'applied_by', 'received_on', 'entered_by']);
  expect(fields('ES-001')[3]).toBe(original);
  expect(row('ES-001')).toEqual([`${t.url}/documents/${DOC}?thread=ES-001`, 'Plain words here', day, 'Secretariat', '', '']);
  expect(row('JO-001')).toEqual([`${t.url}/documents/${DOC}?thread=JO-001`, '', '', '', '2025-05-04', 'Secretariat']);
});

it('labels them in Markdown and Word', async () => {
  const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());
  for (const format of ['md', 'docx']) {
    const text = (await download(format)).replace(/\\(.)/g, '$1').replace(/\s+/g, ' ');
    expect(text).toContain(original);
    expect(text).toContain('Text now: “Plain words here”');
    expect(text).toContain(`applied on ${today} by Secretariat.`);
    expect(text).toContain('Received by e-mail on 4 May 2025, entered by Secretariat.');
    expect(text).toContain(`/documents/${DOC}?thread=JO-001`);
  }
});
