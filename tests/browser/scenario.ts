/**
 * Test data for the Secretariat's and reviewers' pages, made through the real API and the real
 * collaboration socket: comments from several countries and groups with answers, and edits of the text.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { connect, waitForDoc } from '../helpers/collabClient.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import type { TestServer } from '../helpers/testServer.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';
import type * as Y from 'yjs';

type Paragraph = { text: Y.XmlText; sectionId: string };

/** A browser signed in as the seeded Secretariat account (its session cookie, as the server set it). */
export async function secretariatContext(browser: Browser, server: TestServer, viewport = { width: 1366, height: 768 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/Brussels' });
  const [name = '', value = ''] = server.adminCookie.split('=');
  await context.addCookies([{ name, value, url: server.url }]);
  return context;
}

/** Changes the live text as a working-group member would, and waits until the server holds it. */
export async function editText(server: TestServer, documentId: string, edit: (paragraphs: Paragraph[]) => void): Promise<void> {
  const { cookie } = await server.person({ role: 'working-group', name: 'Text Editor' });
  const writer = connect(server.wsUrl, documentId, cookie);
  const probe = connect(server.wsUrl, documentId, server.adminCookie);
  try {
    await writer.synced;
    edit(paragraphs(writer.doc));
    await probe.synced;
    const want = plainText(writer.doc.getXmlFragment(TEXT_FIELD));
    await waitForDoc(probe.doc, () => plainText(probe.doc.getXmlFragment(TEXT_FIELD)) === want);
  } finally {
    writer.destroy();
    probe.destroy();
  }
}

const PEOPLE = [
  { name: 'Lucía Fernández', country: 'ES', stakeholder: 'government', organisation: 'Ministry of Health' },
  { name: 'Amira Haddad', country: 'JO', stakeholder: 'civil-society', organisation: 'Harm Reduction Network' },
  { name: 'Jonas Berg', country: 'SE', stakeholder: 'civil-society', organisation: 'Peer Support Sweden' },
  { name: 'Marie Dubois', country: 'FR', stakeholder: 'government', organisation: 'MILDECA' },
  { name: 'Kofi Mensah', country: 'GH', stakeholder: 'international', organisation: 'Regional Drug Observatory' },
] as const;

const COMMENTS = [
  { kind: 'technical', body: 'The scope should name harm-reduction services explicitly.', proposedText: 'including harm-reduction services', status: 'accepted', response: 'Agreed; added to the scope.' },
  { kind: 'editorial', body: 'This sentence is long; split it in two.', proposedText: null, status: 'noted', response: 'Noted for the final edit.' },
  { kind: 'general', body: 'Our ministry cannot support a funding commitment here.', proposedText: null, status: 'not-accepted', response: 'The text asks for sustainable funding, not a fixed amount.' },
  { kind: 'question', body: 'Does “civil society” include professional associations?', proposedText: null, status: 'open', response: null },
  { kind: 'technical', body: 'Add peer-led outreach as an example of good practice.', proposedText: 'such as peer-led outreach', status: 'partially-accepted', response: 'Added in section 4.1 rather than here.' },
  { kind: 'general', body: 'Please mention <script>alert(1)</script> is not rendered.', proposedText: null, status: 'open', response: null },
] as const;

/** Comments from five people in four countries, on different sections, most of them answered. */
export async function seedComments(server: TestServer, documentId: string): Promise<void> {
  const authors = await Promise.all(PEOPLE.map((p) => server.person({ ...p, role: 'participant' })));
  const reader = connect(server.wsUrl, documentId, server.adminCookie);
  try {
    await reader.synced;
    const found = paragraphs(reader.doc);
    for (const [index, comment] of COMMENTS.entries()) {
      const author = authors[index % authors.length]!;
      const target = found[(index * 3) % found.length]!;
      const { anchor } = anchorOn(target.text, 0, 24);
      const created = await server.api('POST', `/api/documents/${documentId}/threads`, {
        cookie: author.cookie,
        body: { sectionId: target.sectionId, anchor: index % 2 ? anchor : null, kind: comment.kind, body: comment.body, proposedText: comment.proposedText ?? undefined },
      });
      if (created.status !== 201) throw new Error(`comment failed: ${created.status} ${JSON.stringify(created.body)}`);
      const id = created.body.id as string;
      const other = authors[(index + 1) % authors.length]!;
      await server.api('POST', `/api/threads/${id}/endorsements`, { cookie: other.cookie });
      if (index % 3 === 0) await server.api('POST', `/api/threads/${id}/replies`, { cookie: other.cookie, body: { body: 'I agree with this point.' } });
      if (comment.status !== 'open') {
        const answered = await server.api('PATCH', `/api/threads/${id}`, { cookie: server.adminCookie, body: { status: comment.status, response: comment.response } });
        if (answered.status !== 200) throw new Error(`answer failed: ${answered.status} ${JSON.stringify(answered.body)}`);
      }
    }
  } finally {
    reader.destroy();
  }
}
