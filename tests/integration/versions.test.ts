/** Versions, compare, restore, sign-off and adoption. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, SEED_IDS, signIn, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';

const DOC: string = SEED_IDS[1];
let t: TestServer;
const clients: CollabClient[] = [];
async function editor(): Promise<CollabClient> {
  const c = connect(t.wsUrl, DOC, (await t.person({ role: 'working-group' })).cookie);
  clients.push(c);
  await c.synced;
  return c;
}
/** Waits until the server holds what `client` wrote, seen through a second connection. */
async function settled(client: CollabClient) {
  const probe = connect(t.wsUrl, DOC, t.adminCookie);
  clients.push(probe);
  await probe.synced;
  const want = plainText(client.doc.getXmlFragment(TEXT_FIELD));
  await waitForDoc(probe.doc, () => plainText(probe.doc.getXmlFragment(TEXT_FIELD)) === want);
}
const version = async (name: string) => (await t.api('POST', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie, body: { name } })).body;

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await t.close();
});

describe('versions', () => {
  it('are taken by name and automatically at every phase change, and survive a restart', async () => {
    const named = await version('Consultation draft');
    expect(named).toMatchObject({ name: 'Consultation draft', createdBy: 'Secretariat' });
    expect(Object.keys(named)).toEqual(expect.arrayContaining(['id', 'name', 'createdAt', 'createdBy']));
    await t.setPhase(DOC, 'revision');
    await t.setPhase(DOC, 'revision');
    const list = (await t.api('GET', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie })).body;
    // Automatic versions are named by what they hold, with the day (UTC) they were taken.
    const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(list.map((v: { name: string }) => v.name)).toEqual([
      `Text put out for consultation, ${day(list[0].createdAt)}`,
      'Consultation draft',
      `Text as consulted, closed ${day(list[2].createdAt)}`,
    ]);
    await t.restart();
    const cookie = await signIn(t.url, ADMIN_TOKEN);
    expect((await t.api('GET', `/api/documents/${DOC}/versions`, { cookie })).body).toHaveLength(3);
    const read = await t.api('GET', `/api/documents/${DOC}/versions/${named.id}`, { cookie });
    expect(read.status).toBe(200);
    expect(read.body.sections.length).toBeGreaterThanOrEqual(20);
    expect(read.body.sections[0]).toMatchObject({ number: '0', title: 'Introduction', text: expect.stringMatching(/^Draft for consultation/) });
    expect(read.body.sections[1]).toMatchObject({ number: '1', title: 'Roots and types of stigma', text: '' });
    expect(read.body.sections[2]).toMatchObject({ number: '1.1', text: expect.stringMatching(/\w+ \w+ \w+/) });
  });

  it('refuses a participant, an empty name, and unknown versions', async () => {
    const { cookie } = await t.person({ role: 'participant' });
    expect((await t.api('POST', `/api/documents/${DOC}/versions`, { cookie, body: { name: 'Mine' } })).status).toBe(403);
    expect((await t.api('POST', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie, body: { name: ' ' } })).status).toBe(400);
    expect((await t.api('GET', `/api/documents/${DOC}/versions/00000000-0000-4000-8000-000000000000`, { cookie })).status).toBe(404);
    expect((await t.api('GET', `/api/documents/${DOC}/versions/nope`, { cookie })).status).toBe(400);
  });

  it('export as Markdown with numbered sections', async () => {
    const v = await version('For export');
    const res = await fetch(`${t.url}/api/documents/${DOC}/versions/${v.id}?format=md`, { headers: { cookie: t.adminCookie } });
    expect(res.headers.get('content-type')).toMatch(/markdown/);
    const md = await res.text();
    expect(md).toMatch(/^# Draft guidelines on measures to reduce drug-related stigma/);
    expect(md).toMatch(/\n## 1 Roots and types of stigma\n/);
    expect(md).toMatch(/\n### 1\.1 /);
  });
});

describe('version files', () => {
  it('export as Word and PDF', async () => {
    const v = await version('Revised draft after Module II');
    const docx = await fetch(`${t.url}/api/documents/${DOC}/versions/${v.id}?format=docx`, { headers: { cookie: t.adminCookie } });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('revised-draft-after-module-ii.docx');
    const bytes = new Uint8Array(await docx.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    const pdf = await fetch(`${t.url}/api/documents/${DOC}/versions/${v.id}?format=pdf`, { headers: { cookie: t.adminCookie } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    expect((await t.api('GET', `/api/documents/${DOC}/versions/${v.id}?format=odt`, { cookie: t.adminCookie })).status).toBe(400);
  });
});

describe('compare', () => {
  it('finds exactly the changed words and sections, and the answered comments behind them', async () => {
    const participant = await t.person({ role: 'participant', name: 'Proposer' });
    const reader = connect(t.wsUrl, DOC, participant.cookie);
    clients.push(reader);
    await reader.synced;
    const target = paragraphs(reader.doc)[2]!;
    const { anchor, quote } = anchorOn(target.text, 0, 12);
    const thread = (await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: participant.cookie, body: { sectionId: target.sectionId, anchor, kind: 'editorial', body: 'Better start.', proposedText: 'REPLACED START' } })).body;
    const base = await version('Consultation draft');
    await t.setPhase(DOC, 'revision');

    const wg = await editor();
    const first = paragraphs(wg.doc)[0]!;
    first.text.insert(plainText(first.text).length, ' An added closing sentence.');
    await settled(wg);
    expect((await t.api('POST', `/api/threads/${thread.id}/apply`, { cookie: t.adminCookie, body: {} })).status).toBe(200);

    const res = await t.api('GET', `/api/documents/${DOC}/compare?from=${base.id}&to=current`, { cookie: participant.cookie });
    expect(res.status).toBe(200);
    const changed = res.body.sections.filter((s: { change: string }) => s.change !== 'unchanged');
    expect(changed.map((s: { id: string }) => s.id).toSorted()).toEqual([first.sectionId, target.sectionId].toSorted());
    const firstDiff = changed.find((s: { id: string }) => s.id === first.sectionId).diff;
    expect(firstDiff.filter((p: { op: string }) => p.op !== 'equal').map((p: { op: string; text: string }) => [p.op, p.text.trim()])).toEqual([['insert', 'An added closing sentence.']]);
    const applied = changed.find((s: { id: string }) => s.id === target.sectionId);
    expect(applied.diff.filter((p: { op: string }) => p.op === 'delete').map((p: { text: string }) => p.text).join('')).toContain(quote.split(' ')[0]);
    expect(applied.diff.filter((p: { op: string }) => p.op === 'insert').map((p: { text: string }) => p.text).join('')).toContain('REPLACED');
    expect(applied.threads).toEqual([expect.objectContaining({ id: thread.id, applied: true, author: 'Proposer' })]);
    expect(res.body.sections.every((s: { diff: unknown[] }) => Array.isArray(s.diff))).toBe(true);
  });

  it('answers 400 for a bad reference and 404 for an unknown version', async () => {
    expect((await t.api('GET', `/api/documents/${DOC}/compare?from=yesterday`, { cookie: t.adminCookie })).status).toBe(400);
    expect((await t.api('GET', `/api/documents/${DOC}/compare`, { cookie: t.adminCookie })).status).toBe(400);
    expect((await t.api('GET', `/api/documents/${DOC}/compare?from=00000000-0000-4000-8000-000000000000`, { cookie: t.adminCookie })).status).toBe(404);
  });
});

describe('restore', () => {
  it('puts an old text back as a new change that live editors see, keeping a copy of what it replaced', async () => {
    const base = await version('Before edits');
    const idsBefore = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.sections.map((x: { id: string }) => x.id);
    await t.setPhase(DOC, 'drafting');
    const wg = await editor();
    const first = paragraphs(wg.doc)[0]!;
    const original = plainText(wg.doc.getXmlFragment(TEXT_FIELD));
    first.text.insert(0, 'TEMPORARY ');
    await settled(wg);
    const res = await t.api('POST', `/api/documents/${DOC}/versions/${base.id}/restore`, { cookie: t.adminCookie });
    expect(res.status).toBe(200);
    await waitForDoc(wg.doc, () => plainText(wg.doc.getXmlFragment(TEXT_FIELD)) === original);
    const list = (await t.api('GET', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie })).body;
    expect(list.at(-1).name).toBe('Before restoring “Before edits” (automatic)');
    // Sections keep their ids through a restore, so threads stay under them.
    const idsAfter = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.sections.map((x: { id: string }) => x.id);
    expect(idsAfter).toEqual(idsBefore);
  });

  it('keeps comments on text the restore did not change anchored where they were', async () => {
    await t.setPhase(DOC, 'consultation');
    const reader = connect(t.wsUrl, DOC, t.adminCookie);
    clients.push(reader);
    await reader.synced;
    // The first paragraph will change; the comment is on the second.
    const untouched = paragraphs(reader.doc)[1];
    const { anchor, quote } = anchorOn(untouched!.text, 0, 24);
    const participant = await t.person({ role: 'participant' });
    const thread = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: participant.cookie, body: { sectionId: untouched!.sectionId, anchor, kind: 'editorial', body: 'Clearer, please.' } });
    expect(thread.status).toBe(201);
    const base = await version('Before edits');

    await t.setPhase(DOC, 'drafting');
    const wg = await editor();
    paragraphs(wg.doc)[0]!.text.insert(0, 'TEMPORARY ');
    await settled(wg);
    expect((await t.api('POST', `/api/documents/${DOC}/versions/${base.id}/restore`, { cookie: t.adminCookie })).status).toBe(200);

    const after = (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body.find((th: { id: string }) => th.id === thread.body.id);
    expect(after).toMatchObject({ orphaned: false, quote });
  });
});

describe('sign-off and adoption', () => {
  it('lets reviewers sign off in final review only, and change their decision until adoption', async () => {
    const pc = await t.person({ role: 'reviewer', name: 'PC Portugal', country: 'PT' });
    await t.person({ role: 'reviewer', name: 'PC Norway', country: 'NO' });
    const post = (body: unknown, cookie = pc.cookie) => t.api('POST', `/api/documents/${DOC}/signoffs`, { cookie, body });
    expect((await post({ decision: 'approve' })).status).toBe(403);
    await t.setPhase(DOC, 'final-review');
    expect((await post({ decision: 'object' })).status).toBe(400);
    expect((await post({ decision: 'maybe' })).status).toBe(400);
    expect((await post({ decision: 'approve' }, t.adminCookie)).status).toBe(403);
    const first = await post({ decision: 'approve-with-reservations', statement: 'Section 5 goes too far.' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ decision: 'approve-with-reservations', reviewer: { name: 'PC Portugal', country: 'PT' } });
    expect((await post({ decision: 'approve' })).body.decision).toBe('approve');
    const list = (await t.api('GET', `/api/documents/${DOC}/signoffs`, { cookie: t.adminCookie })).body;
    expect(list).toHaveLength(1);
    const tally = (await t.api('GET', `/api/documents/${DOC}/signoffs/tally`, { cookie: t.adminCookie })).body;
    expect(tally.byDecision).toEqual({ approve: 1, 'approve-with-reservations': 0, object: 0 });
    expect(tally.countriesNotSigned).toEqual(['NO']);
    await t.setPhase(DOC, 'adopted');
    expect((await post({ decision: 'object', statement: 'Too late' })).status).toBe(403);
    const detail = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body;
    expect(Date.parse(detail.adoptedAt)).toBeGreaterThan(0);
    expect(detail.access.edit).toBe(false);
    // The final document carries its adoption stamp.
    const adopted = (await t.api('GET', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie })).body.at(-1);
    expect(adopted.name).toMatch(/^Adopted text, \d{1,2} \w+ \d{4}$/);
    const md = await (await fetch(`${t.url}/api/documents/${DOC}/versions/${adopted.id}?format=md`, { headers: { cookie: t.adminCookie } })).text();
    expect(md).toMatch(/\*\*Adopted on \d+ \w+ \d{4}\*\*/);
  });
});
