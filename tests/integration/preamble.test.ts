/** Section "0": the text before the first heading can be commented on like any other section. */
import * as Y from 'yjs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { anchorOn } from '../helpers/anchors.ts';
import { TEXT_FIELD } from '../../server/documents/text.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

/** The first paragraph of the seeded draft: "Draft for consultation at the Module II seminar. …" */
const introduction = () =>
  t.server.services.collab.rooms.use(DOC, (room) => {
    const first = room.doc.getXmlFragment(TEXT_FIELD).get(0) as Y.XmlElement;
    return anchorOn(first.get(0) as Y.XmlText, 0, 24);
  });

it('lists the introduction as section "0" and takes comments on it, in the report first', async () => {
  const participant = await t.person({ country: 'FR' });
  const sections = (await t.api('GET', `/api/documents/${DOC}`, { cookie: participant.cookie })).body.sections;
  expect(sections[0]).toEqual({ id: 'preamble', number: '0', title: 'Introduction', level: 1 });
  expect(sections[1].number).toBe('1');

  const { anchor, quote } = await introduction();
  expect(quote).toBe('Draft for consultation a');
  const anchored = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: participant.cookie, body: { sectionId: 'preamble', anchor, kind: 'editorial', body: 'Say which seminar.' } });
  expect(anchored.status).toBe(201);
  expect(anchored.body).toMatchObject({ sectionId: 'preamble', quote: 'Draft for consultation a', ref: 'FR-001' });
  const whole = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: participant.cookie, body: { sectionId: 'preamble', kind: 'general', body: 'The introduction is too long.' } });
  expect(whole.status).toBe(201);
  // An anchor in the introduction belongs to it, whatever section the client named.
  const misnamed = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: participant.cookie, body: { sectionId: sections[1].id, anchor, kind: 'general', body: 'Misnamed.' } });
  expect(misnamed.body.sectionId).toBe('preamble');

  const report = (await t.api('GET', `/api/documents/${DOC}/report`, { cookie: t.adminCookie })).body;
  expect(report.sections[0]).toMatchObject({ id: 'preamble', number: '0', title: 'Introduction' });
  expect(report.sections[0].threads.map((th: { body: string }) => th.body)).toEqual(['The introduction is too long.', 'Say which seminar.', 'Misnamed.']);
});

it('compares and keeps the introduction in versions as section "0"', async () => {
  const version = (await t.api('POST', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie, body: { name: 'Before' } })).body;
  const text = (await t.api('GET', `/api/documents/${DOC}/versions/${version.id}`, { cookie: t.adminCookie })).body;
  expect(text.sections[0]).toMatchObject({ id: 'preamble', number: '0', title: 'Introduction' });
  expect(text.sections[0].text.startsWith('Draft for consultation at the Module II seminar.')).toBe(true);
  await t.server.services.collab.rooms.use(DOC, (room) => {
    const first = room.doc.getXmlFragment(TEXT_FIELD).get(0) as Y.XmlElement;
    (first.get(0) as Y.XmlText).insert(0, 'Revised. ');
  });
  const compared = (await t.api('GET', `/api/documents/${DOC}/compare?from=${version.id}&to=current`, { cookie: t.adminCookie })).body;
  expect(compared.sections[0]).toMatchObject({ id: 'preamble', number: '0', change: 'changed' });
  expect(compared.sections[0].diff[0]).toEqual({ op: 'insert', text: 'Revised. ' });
});
