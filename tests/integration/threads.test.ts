/** Comment threads: anchors that follow the text, replies, endorsements, authors' edits, rules. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, waitFor, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { MAX_COMMENT_CHARS } from '../../shared/limits.ts';
import { plainText } from '../../server/documents/text.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer;
const clients: CollabClient[] = [];
async function reader(cookie = t.adminCookie, doc = DOC): Promise<CollabClient> {
  const c = connect(t.wsUrl, doc, cookie);
  clients.push(c);
  await c.synced;
  return c;
}
const threadsOf = async (cookie = t.adminCookie) => (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie })).body;

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await t.close();
});

describe('opening threads', () => {
  it('stores an anchored thread with the live quote and the author\'s identity', async () => {
    const participant = await t.person({ role: 'participant', name: 'Lena Novak', country: 'SI', organisation: 'Harm Reduction Network', stakeholder: 'civil-society' });
    const c = await reader(participant.cookie);
    const [first] = paragraphs(c.doc);
    const { anchor, quote } = anchorOn(first!.text, 4, 40);
    const res = await t.api('POST', `/api/documents/${DOC}/threads`, {
      cookie: participant.cookie,
      body: { sectionId: first!.sectionId, anchor, kind: 'technical', body: 'Please be more specific.', proposedText: 'Better words' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      documentId: DOC,
      sectionId: first!.sectionId,
      anchor,
      quote,
      originalQuote: quote,
      orphaned: false,
      kind: 'technical',
      body: 'Please be more specific.',
      proposedText: 'Better words',
      status: 'open',
      response: null,
      assigneeId: null,
      replies: [],
      endorsements: [],
      author: { id: participant.person.id, name: 'Lena Novak', country: 'SI', organisation: 'Harm Reduction Network', stakeholder: 'civil-society' },
    });
    expect(await threadsOf()).toHaveLength(1);
  });

  it('takes whole-section threads without an anchor', async () => {
    const { cookie } = await t.person({ role: 'participant' });
    const sections = (await t.api('GET', `/api/documents/${DOC}`, { cookie })).body.sections;
    const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie, body: { sectionId: sections[2].id, kind: 'general', body: 'This whole section needs work.' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ anchor: null, quote: '', orphaned: false, sectionId: sections[2].id });
  });

  it('answers bad input with a 4xx and a clear message, and stores nothing', async () => {
    const { cookie } = await t.person({ role: 'participant' });
    const c = await reader(cookie);
    const [first] = paragraphs(c.doc);
    const good = { sectionId: first!.sectionId, anchor: anchorOn(first!.text, 0, 10).anchor, kind: 'general', body: 'Fine.' };
    const other = await reader(cookie, SEED_IDS[1]);
    const foreign = anchorOn(paragraphs(other.doc)[0]!.text, 0, 10).anchor;
    const cases: Array<[unknown, RegExp]> = [
      [{ ...good, body: '' }, /body must not be empty/],
      [{ ...good, body: '   ' }, /body must not be empty/],
      [{ ...good, body: 'x'.repeat(MAX_COMMENT_CHARS + 1) }, /at most 10,000/],
      [{ ...good, proposedText: 'x'.repeat(MAX_COMMENT_CHARS + 1) }, /at most 10,000/],
      [{ ...good, kind: 'rant' }, /kind/],
      [{ ...good, sectionId: 'nope' }, /no such section/],
      [{ ...good, anchor: { start: '%%%', end: '%%%' } }, /base64/],
      [{ ...good, anchor: { start: 'AAAA', end: 'AAAA' } }, /anchor/],
      [{ ...good, anchor: foreign }, /does not point into the text/],
      [{ ...good, anchor: { start: good.anchor.end, end: good.anchor.start } }, /end must come after its start/],
      [{ ...good, extra: 1 }, /extra|Unrecognized/i],
      ['{"sectionId":', /JSON/],
      [[], /object|expected/i],
    ];
    for (const [body, message] of cases) {
      const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie, body });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect((await t.api('POST', '/api/documents/no-such-doc/threads', { cookie, body: good })).status).toBe(404);
    expect(await threadsOf()).toEqual([]);
  });

  it('follows the rules of the phase and the consultation deadline', async () => {
    const participant = await t.person({ role: 'participant' });
    const reviewer = await t.person({ role: 'reviewer' });
    const sectionId = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.sections[0].id;
    const post = (cookie: string) => t.api('POST', `/api/documents/${DOC}/threads`, { cookie, body: { sectionId, kind: 'general', body: 'A comment.' } });
    expect((await post(participant.cookie)).status).toBe(201);
    expect((await post(reviewer.cookie)).status).toBe(403);
    // The deadline passes (a deadline cannot be set in the past through the API).
    await t.server.services.records.documents.update(DOC, { deadline: new Date(Date.now() - 1000).toISOString() });
    const late = await post(participant.cookie);
    expect(late.status).toBe(403);
    expect(late.body.error.code).toBe('deadline_passed');
    await t.setPhase(DOC, 'final-review', null);
    expect((await post(reviewer.cookie)).status).toBe(201);
    expect((await post(participant.cookie)).status).toBe(403);
    await t.setPhase(DOC, 'adopted');
    expect((await post(t.adminCookie)).status).toBe(403);
    expect(await threadsOf()).toHaveLength(2);
  });
});

describe('anchors follow the text', () => {
  async function setup() {
    const participant = await t.person({ role: 'participant' });
    const c = await reader(participant.cookie);
    const [first] = paragraphs(c.doc);
    const { anchor, quote } = anchorOn(first!.text, 10, 30);
    const created = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: participant.cookie, body: { sectionId: first!.sectionId, anchor, kind: 'editorial', body: 'Words.' } });
    await t.setPhase(DOC, 'revision');
    const editorA = await reader((await t.person({ role: 'working-group' })).cookie);
    const editorB = await reader((await t.person({ role: 'working-group' })).cookie);
    const textIn = (client: CollabClient) => paragraphs(client.doc)[0]!.text;
    return { id: created.body.id, quote, editorA, editorB, textIn };
  }
  const quoteOf = async (id: string) => (await threadsOf()).find((th: { id: string }) => th.id === id);
  const settle = async (client: CollabClient, needle: string) => {
    const probe = await reader();
    await waitForDoc(probe.doc, () => plainText(paragraphs(probe.doc)[0]!.text).includes(needle));
    void client;
  };

  it('keeps the same words after insertions before and inside the range', async () => {
    const { id, quote, editorA, textIn } = await setup();
    textIn(editorA).insert(0, 'BEFORE ');
    textIn(editorA).insert(7 + 15, 'INSIDE ');
    await settle(editorA, 'INSIDE ');
    const thread = await quoteOf(id);
    expect(thread.quote).toBe(`${quote.slice(0, 5)}INSIDE ${quote.slice(5)}`);
    expect(thread.orphaned).toBe(false);
  });

  it('converges under concurrent edits by two editors', async () => {
    const { id, quote, editorA, editorB, textIn } = await setup();
    textIn(editorA).insert(0, 'AAA ');
    textIn(editorB).insert(12, 'BBB ');
    textIn(editorB).delete(textIn(editorB).length - 5, 5);
    await settle(editorA, 'BBB ');
    await waitForDoc(editorA.doc, () => plainText(textIn(editorA)).includes('BBB '));
    await waitForDoc(editorB.doc, () => plainText(textIn(editorB)).includes('AAA '));
    expect(plainText(textIn(editorA))).toBe(plainText(textIn(editorB)));
    const thread = await quoteOf(id);
    expect(thread.quote).toBe(`${quote.slice(0, 2)}BBB ${quote.slice(2)}`);
  });

  it('marks a thread orphaned when all its words are deleted, keeping the original quote', async () => {
    const { id, quote, editorA, textIn } = await setup();
    textIn(editorA).delete(5, 30);
    await settle(editorA, plainText(textIn(editorA)).slice(0, 20));
    await waitFor(async () => (await quoteOf(id)).orphaned === true, 5000, 'orphaning');
    const thread = await quoteOf(id);
    expect(thread).toMatchObject({ orphaned: true, quote: '', originalQuote: quote });
  });
});

describe('replies, endorsements and the author\'s own words', () => {
  async function opened() {
    const author = await t.person({ role: 'participant', name: 'Author' });
    const sectionId = (await t.api('GET', `/api/documents/${DOC}`, { cookie: author.cookie })).body.sections[1].id;
    const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: author.cookie, body: { sectionId, kind: 'question', body: 'Why?' } });
    return { author, id: res.body.id as string };
  }

  it('takes replies and endorsements from others, but no endorsement of one\'s own comment', async () => {
    const { author, id } = await opened();
    const other = await t.person({ role: 'participant', name: 'Other' });
    const reply = await t.api('POST', `/api/threads/${id}/replies`, { cookie: other.cookie, body: { body: 'Because.' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ body: 'Because.', author: { name: 'Other' } });
    expect((await t.api('POST', `/api/threads/${id}/endorsements`, { cookie: other.cookie })).body.endorsements).toEqual([other.person.id]);
    expect((await t.api('POST', `/api/threads/${id}/endorsements`, { cookie: other.cookie })).body.endorsements).toEqual([other.person.id]);
    expect((await t.api('POST', `/api/threads/${id}/endorsements`, { cookie: author.cookie })).status).toBe(409);
    expect((await t.api('DELETE', `/api/threads/${id}/endorsements`, { cookie: other.cookie })).body.endorsements).toEqual([]);
    expect((await t.api('POST', `/api/threads/${id}/replies`, { cookie: other.cookie, body: { body: '' } })).status).toBe(400);
    expect((await t.api('POST', '/api/threads/00000000-0000-4000-8000-000000000000/replies', { cookie: other.cookie, body: { body: 'x' } })).status).toBe(404);
  });

  it('lets the author reword an open comment, keeping the earlier wording, and withdraw it', async () => {
    const { author, id } = await opened();
    const other = await t.person({ role: 'participant' });
    expect((await t.api('PATCH', `/api/threads/${id}`, { cookie: other.cookie, body: { body: 'Hijacked' } })).status).toBe(403);
    const edited = await t.api('PATCH', `/api/threads/${id}`, { cookie: author.cookie, body: { body: 'Why exactly?', proposedText: 'New words' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Why exactly?', proposedText: 'New words', previousBodies: [{ body: 'Why?', proposedText: null }] });
    expect((await t.api('DELETE', `/api/threads/${id}`, { cookie: other.cookie })).status).toBe(403);
    expect((await t.api('DELETE', `/api/threads/${id}`, { cookie: author.cookie })).status).toBe(204);
    expect(await threadsOf()).toEqual([]);
  });

  it('keeps participants from giving dispositions', async () => {
    const { author, id } = await opened();
    const res = await t.api('PATCH', `/api/threads/${id}`, { cookie: author.cookie, body: { status: 'accepted', response: 'I accept my own comment' } });
    expect(res.status).toBe(403);
    expect((await threadsOf())[0].status).toBe('open');
  });
});

describe('live events', () => {
  it('delivers a new thread to another listener of the document within a second', async () => {
    const listener = await t.person({ role: 'participant' });
    const controller = new AbortController();
    const res = await fetch(`${t.url}/api/documents/${DOC}/events`, { headers: { cookie: listener.cookie }, signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const stream = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const next = async (needle: string) => {
      while (!buffer.includes(needle)) {
        const { value, done } = await stream.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value);
      }
    };
    await next('event: ready');
    const author = await t.person({ role: 'participant', name: 'Live Author' });
    const sectionId = (await t.api('GET', `/api/documents/${DOC}`, { cookie: author.cookie })).body.sections[0].id;
    const started = Date.now();
    await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: author.cookie, body: { sectionId, kind: 'general', body: 'Live comment' } });
    await next('Live comment');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(buffer).toMatch(/event: thread\ndata: \{"type":"thread","thread":\{/);
    controller.abort();
  });
});
