/** The consolidated feedback report as JSON: shape, order, counts, filters, the anonymous edition, rights. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { connect, waitFor } from '../helpers/collabClient.ts';
import { TEXT_FIELD } from '../../server/documents/text.ts';
import type { Thread } from '../../shared/api.ts';
import type { Report } from '../../server/report/types.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer;
let wg: Awaited<ReturnType<TestServer['person']>>;
const ids: Record<string, string> = {};
let documentSections: Array<{ id: string; number: string; title: string }>;
let targets: Array<{ sectionId: string; early: ReturnType<typeof anchorOn>; late: ReturnType<typeof anchorOn> }>;

const report = async (query = '', cookie = t.adminCookie) => t.api('GET', `/api/documents/${DOC}/report${query}`, { cookie });
const threadsOf = (r: Report) => r.sections.flatMap((s) => s.threads);

async function open(cookie: string, body: Record<string, unknown>): Promise<string> {
  const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie, body });
  if (res.status !== 201) throw new Error(`thread refused: ${JSON.stringify(res.body)}`);
  return res.body.id;
}

beforeAll(async () => {
  t = await startTestServer();
  const gov = await t.person({ role: 'participant', name: 'Zoé Núñez', country: 'ES', organisation: 'Ministerio de Sanidad', stakeholder: 'government' });
  const cso = await t.person({ role: 'participant', name: 'Amira Haddad', country: 'JO', organisation: 'Harm Reduction Amman', stakeholder: 'civil-society' });
  const intl = await t.person({ role: 'participant', name: 'Ines Berger', country: 'AT', organisation: 'UNODC', stakeholder: 'international' });
  wg = await t.person({ role: 'working-group', name: 'Maria Rossi', country: 'IT', stakeholder: 'government' });
  documentSections = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.sections;
  targets = await t.server.services.collab.rooms.use(DOC, (room) =>
    paragraphs(room.doc).map((p) => ({ sectionId: p.sectionId, early: anchorOn(p.text, 5, 25), late: anchorOn(p.text, 40, 60) })),
  );
  const [first, , , fourth] = targets;
  // Opened out of document order, so the report must sort them.
  ids.csoLate = await open(cso.cookie, { sectionId: fourth!.sectionId, anchor: fourth!.late.anchor, kind: 'technical', body: 'Too vague.', proposedText: 'Say who decides.' });
  ids.govEarly = await open(gov.cookie, { sectionId: fourth!.sectionId, anchor: fourth!.early.anchor, kind: 'editorial', body: 'Typo.' });
  ids.intlFirst = await open(intl.cookie, { sectionId: first!.sectionId, anchor: first!.early.anchor, kind: 'question', body: 'Which ministries?' });
  ids.govWhole = await open(gov.cookie, { sectionId: first!.sectionId, kind: 'general', body: 'This section is welcome.' });
  await t.api('POST', `/api/threads/${ids.csoLate}/replies`, { cookie: wg.cookie, body: { body: 'Could you give an example?' } });
  await t.api('POST', `/api/threads/${ids.csoLate}/replies`, { cookie: cso.cookie, body: { body: 'The 2019 strategy.' } });
  await t.api('POST', `/api/threads/${ids.csoLate}/endorsements`, { cookie: gov.cookie });
  await t.api('POST', `/api/threads/${ids.csoLate}/endorsements`, { cookie: intl.cookie });
  await t.api('PATCH', `/api/threads/${ids.csoLate}`, { cookie: wg.cookie, body: { status: 'accepted', response: 'We name the ministry.', assigneeId: wg.person.id } });
  await t.api('PATCH', `/api/threads/${ids.govEarly}`, { cookie: wg.cookie, body: { status: 'not-accepted', response: 'Not a typo.' } });
  const reaction = await t.api('POST', `/api/threads/${ids.govEarly}/reaction`, { cookie: gov.cookie, body: { reaction: 'maintains-objection' } });
  if (reaction.status !== 200) throw new Error(`reaction refused: ${JSON.stringify(reaction.body)}`);
});
afterAll(() => t.close());

describe('the report as JSON', () => {
  it('mirrors the document: every section in order, threads by anchor, each as the threads API gives it', async () => {
    const res = await report();
    expect(res.status).toBe(200);
    const body: Report = res.body;
    expect(body.document).toMatchObject({ id: DOC, title: expect.any(String), phase: 'consultation', deadline: null });
    expect(Date.parse(body.generatedAt)).not.toBeNaN();
    expect(body.sections.map(({ id, number, title }) => ({ id, number, title }))).toEqual(documentSections.map(({ id, number, title }) => ({ id, number, title })));
    const [first, , , fourth] = targets;
    const section = (id: string) => body.sections.find((s) => s.id === id)!.threads.map((th) => th.id);
    expect(section(first!.sectionId)).toEqual([ids.govWhole, ids.intlFirst]);
    expect(section(fourth!.sectionId)).toEqual([ids.govEarly, ids.csoLate]);
    const api: Thread[] = (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body;
    // The report's threads are the API's, plus what only the record shows.
    expect(threadsOf(body).map(({ supportedBy: _s, sortKey: _k, endorsedBy: _e, replies, ...thread }) => ({ ...thread, replies: replies.map(({ speaksFor: _f, ...r }) => r) }))).toEqual(api);
    // Each reply says whom it answers for: Maria Rossi is of the document's working group.
    const replies = threadsOf(body).flatMap((th) => th.replies);
    expect(replies.map((r) => [r.author.name, r.speaksFor])).toEqual(replies.map((r) => [r.author.name, r.author.id === wg.person.id ? 'working-group' : null]));
    expect(replies.some((r) => r.speaksFor === 'working-group')).toBe(true);
    const keys = threadsOf(body).map((th) => th.sortKey);
    expect(keys).toEqual(keys.toSorted());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('counts the threads it reports, with zeroes for what is absent', async () => {
    const { summary } = (await report()).body as Report;
    expect(summary).toMatchObject({
      threads: 4,
      replies: 2,
      endorsements: 2,
      byStatus: { open: 2, accepted: 1, 'partially-accepted': 0, 'not-accepted': 1, noted: 0 },
      byKind: { general: 1, technical: 1, editorial: 1, question: 1 },
      byStakeholder: { government: 2, 'civil-society': 1, international: 1, other: 0 },
      byCountry: { AT: 1, ES: 2, JO: 1 },
    });
    expect(summary.bySection).toHaveLength(documentSections.length);
    const fourth = summary.bySection.find((s) => s.id === targets[3]!.sectionId)!;
    expect(fourth).toMatchObject({ threads: 2, byStakeholder: { government: 1, 'civil-society': 1, international: 0, other: 0 } });
    expect(summary.bySection.reduce((n, s) => n + s.threads, 0)).toBe(4);
  });

  it('filters by section, stakeholder group and status, and counts only what it keeps', async () => {
    const bySection: Report = (await report(`?sections=${targets[3]!.sectionId},${documentSections[0]!.id}`)).body;
    expect(bySection.sections.map((s) => s.id)).toEqual([documentSections[0]!.id, targets[3]!.sectionId]);
    expect(bySection.summary.threads).toBe(2);

    const government: Report = (await report('?stakeholders=government')).body;
    expect(threadsOf(government).map((th) => th.id)).toEqual([ids.govWhole, ids.govEarly]);
    expect(government.summary).toMatchObject({ threads: 2, replies: 0, byStakeholder: { government: 2, 'civil-society': 0 }, byCountry: { ES: 2 } });
    expect(government.sections).toHaveLength(documentSections.length);

    const answered: Report = (await report('?statuses=accepted,not-accepted&stakeholders=government,civil-society')).body;
    expect(threadsOf(answered).map((th) => th.id)).toEqual([ids.govEarly, ids.csoLate]);
    expect(answered.summary.byStatus).toEqual({ open: 0, accepted: 1, 'partially-accepted': 0, 'not-accepted': 1, noted: 0 });
  });

  it('leaves replies out on request, still counting them', async () => {
    const body: Report = (await report('?replies=false')).body;
    expect(threadsOf(body).every((th) => th.replies.length === 0)).toBe(true);
    expect(body.summary.replies).toBe(2);
    expect(body.options).toMatchObject({ replies: false, anonymous: false });
  });

  it('names nobody in the anonymous edition but keeps country, group and the count of endorsements', async () => {
    const body: Report = (await report('?anonymous=true')).body;
    const serialised = JSON.stringify(body);
    for (const name of ['Zoé Núñez', 'Amira Haddad', 'Ines Berger', 'Maria Rossi', 'Ministerio de Sanidad', 'UNODC', wg.person.id]) expect(serialised).not.toContain(name);
    const accepted = threadsOf(body).find((th) => th.id === ids.csoLate)!;
    expect(accepted.author).toEqual({ id: '', name: 'Participant from JO', country: 'JO', organisation: '', stakeholder: 'civil-society' });
    // Maria Rossi is of the working group: her reply is the group's, not a participant's.
    expect(accepted.replies.map((r) => r.author.name)).toEqual(['Working group', 'Participant from JO']);
    expect(accepted.replies[0]!.author).toEqual({ id: '', name: 'Working group', country: '', organisation: '', stakeholder: 'government' });
    expect(accepted.endorsements).toEqual(['', '']);
    expect(accepted.endorsedBy).toEqual([]);
    expect(accepted.supportedBy).toEqual(['AT', 'ES']);
    expect(accepted.dispositions[0]).toMatchObject({ status: 'accepted', by: 'Working group', assigneeId: null });
    expect(body.summary).toMatchObject({ endorsements: 2, byCountry: { AT: 1, ES: 2, JO: 1 } });
  });

  it('puts threads of a deleted section last, under "Comments on removed sections"', async () => {
    const doomed = documentSections[5]!;
    const whole = await open(t.adminCookie, { sectionId: doomed.id, kind: 'general', body: 'About a section that will go.' });
    await t.setPhase(DOC, 'revision');
    const editor = connect(t.wsUrl, DOC, wg.cookie);
    await editor.synced;
    const fragment = editor.doc.getXmlFragment(TEXT_FIELD);
    const at = fragment.toArray().findIndex((node) => 'getAttribute' in node && node.getAttribute('id') === doomed.id);
    fragment.delete(at, 1);
    await waitFor(async () => !(await report()).body.sections.some((s: { id: string }) => s.id === doomed.id), 10_000, 'the heading to go');
    editor.destroy();
    const body: Report = (await report()).body;
    expect(body.sections.at(-1)).toMatchObject({ id: 'unplaced', number: '', title: 'Comments on removed sections' });
    expect(body.sections.at(-1)!.threads.map((th) => th.id)).toEqual([whole]);
    expect((await report('?sections=unplaced')).body.sections.map((s: { id: string }) => s.id)).toEqual(['unplaced']);
    await t.setPhase(DOC, 'consultation');
  });
});

describe('options and rights', () => {
  it('refuses bad options with a 400 that names them', async () => {
    const cases: Array<[string, RegExp]> = [
      ['?format=xls', /format/],
      ['?stakeholders=aliens', /stakeholders/],
      ['?statuses=open,maybe', /statuses/],
      ['?statuses=', /statuses/],
      ['?replies=yes', /replies must be true or false/],
      ['?anonymous=1', /anonymous must be true or false/],
      ['?sections=no-such-section', /no such section/],
      ['?status=open', /status|Unrecognized/i],
      ['?format=csv&format=md', /format/],
    ];
    for (const [query, message] of cases) {
      const res = await report(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.message, query).toMatch(message);
    }
    expect((await t.api('GET', '/api/documents/no-such-doc/report', { cookie: t.adminCookie })).status).toBe(404);
  });

  it('is for the Secretariat, the working group and Permanent Correspondents, not participants', async () => {
    expect((await report('', (await t.person({ role: 'participant' })).cookie)).status).toBe(403);
    expect((await report('', (await t.person({ role: 'reviewer' })).cookie)).status).toBe(200);
    expect((await report('', wg.cookie)).status).toBe(200);
    expect((await t.api('GET', `/api/documents/${DOC}/report`)).status).toBe(401);
  });
});
