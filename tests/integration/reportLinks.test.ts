/**
 * Each comment's link in the files (issue #14, part 1): in the PDF the reference is a link
 * annotation to the address that opens the document at the comment, tagged as PDF/UA asks (a Link
 * structure element holding the annotation, a description in /Contents), over the reference's text;
 * in the Word file the reference and the "Link:" line are hyperlinks with an external relationship.
 * Full and anonymised editions alike, read back from what the real server answers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { pdfLinks, pdfObjects } from '../helpers/pdfObjects.ts';

const DOC: string = SEED_IDS[0];
const LONG = Array.from({ length: 160 }, (_, i) => `Sentence ${i + 1} of a long comment on the scope.`).join(' ');
const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-links-'));
let t: TestServer;
let refs: string[] = [];

const address = (ref: string) => `${t.url}/documents/${DOC}?thread=${ref}`;

async function download(format: 'pdf' | 'docx', query = ''): Promise<Buffer> {
  const res = await fetch(`${t.url}/api/documents/${DOC}/report?format=${format}${query}`, { headers: { cookie: t.adminCookie } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

beforeAll(async () => {
  t = await startTestServer();
  const de = await t.person({ role: 'participant', name: 'Jan Müller', country: 'DE', organisation: 'Bundesministerium', stakeholder: 'government' });
  const fr = await t.person({ role: 'participant', name: 'Claire Martin', country: 'FR', organisation: 'Association Droits', stakeholder: 'civil-society' });
  const targets = await t.server.services.collab.rooms.use(DOC, (room) => paragraphs(room.doc).map((p) => ({ sectionId: p.sectionId, ...anchorOn(p.text, 0, 20) })));
  const post = async (cookie: string, i: number, body: string) => {
    const target = targets[i % targets.length]!;
    const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie, body: { sectionId: target.sectionId, anchor: target.anchor, kind: 'technical', body } });
    if (res.status !== 201) throw new Error(`thread refused: ${JSON.stringify(res.body)}`);
  };
  // One comment long enough to go on over a page: its continuation must not link a second time.
  await post(fr.cookie, 1, LONG);
  for (let i = 0; i < 6; i++) await post(i % 2 ? fr.cookie : de.cookie, i, `Comment ${i} on this passage.`);
  const report = (await t.api('GET', `/api/documents/${DOC}/report`, { cookie: t.adminCookie })).body as { sections: Array<{ threads: Array<{ ref: string }> }> };
  refs = report.sections.flatMap((s) => s.threads.map((thread) => thread.ref));
  if (refs.length !== 7) throw new Error(`expected 7 comments, the report has ${refs.length}`);
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The text under a link's rectangle, as poppler reads it from the page. */
function textUnder(file: string, link: { page: number; rect: number[] }, pageHeight: number): string {
  const [x1, y1, x2, y2] = link.rect as [number, number, number, number];
  const crop = ['-x', String(Math.floor(x1)), '-y', String(Math.floor(pageHeight - y2)), '-W', String(Math.ceil(x2 - x1)), '-H', String(Math.ceil(y2 - y1))];
  return execFileSync('pdftotext', ['-f', String(link.page), '-l', String(link.page), '-r', '72', ...crop, file, '-'], { encoding: 'utf8' }).trim();
}

describe('links to the comments in the PDF', () => {
  for (const [edition, query] of [
    ['full', ''],
    ['anonymised', '&anonymous=true'],
  ] as const) {
    it(`makes each reference a tagged link to its comment (${edition} edition)`, async () => {
      const bytes = await download('pdf', query);
      const file = path.join(dir, `${edition}.pdf`);
      writeFileSync(file, bytes);
      const links = pdfLinks(bytes);
      // One per comment, to its own address: the long comment's continuation adds none.
      expect(links.map((l) => l.uri).toSorted()).toEqual(refs.map(address).toSorted());
      const landscapeHeight = 595.28;
      for (const link of links) {
        const ref = refs.find((r) => link.uri === address(r))!;
        expect(link.contents).toBe(`Open comment ${ref} in Accord`);
        expect(link.parent?.type).toBe('Link');
        expect(textUnder(file, link, landscapeHeight)).toBe(ref);
      }
      // Pages with links have their tab order follow the structure, as PDF/UA asks.
      const pages = [...pdfObjects(bytes).values()].filter((object) => /\/Type \/Page\b/.test(object) && object.includes('/Annots'));
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) expect(page).toMatch(/\/Tabs \/S\b/);
    });
  }

  it('describes the links in French in the French edition', async () => {
    const links = pdfLinks(await download('pdf', '&lang=fr'));
    expect(links.map((l) => l.contents).toSorted()).toEqual(refs.map((ref) => `Ouvrir l’observation ${ref} dans Accord`).toSorted());
  });
});

describe('links to the comments in the Word file', () => {
  for (const [edition, query] of [
    ['full', ''],
    ['anonymised', '&anonymous=true'],
  ] as const) {
    it(`makes the reference and the "Link:" line hyperlinks with an external relationship (${edition} edition)`, async () => {
      const files = unzipSync(new Uint8Array(await download('docx', query)));
      const xml = new TextDecoder().decode(files['word/document.xml']);
      const rels = new TextDecoder().decode(files['word/_rels/document.xml.rels']);
      expect(xml).toMatch(/<w:document [^>]*xmlns:r="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/);
      const targets = new Map(
        [...rels.matchAll(/<Relationship ([^>]*)\/>/g)]
          .map((m) => Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!.replaceAll('&amp;', '&')])))
          .filter((r) => r.Type!.endsWith('/relationships/hyperlink'))
          .map((r) => {
            expect(r.TargetMode).toBe('External');
            return [r.Id!, r.Target!] as const;
          }),
      );
      const hyperlinks = [...xml.matchAll(/<w:hyperlink r:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/g)].map((m) => ({
        target: targets.get(m[1]!),
        text: [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('').replaceAll('&amp;', '&'),
        styled: m[2]!.includes('<w:rStyle w:val="Hyperlink"/>'),
      }));
      for (const ref of refs) {
        expect(hyperlinks.filter((h) => h.text === ref)).toEqual([{ target: address(ref), text: ref, styled: true }]);
        expect(hyperlinks.filter((h) => h.text === address(ref))).toEqual([{ target: address(ref), text: address(ref), styled: true }]);
      }
      expect(targets.size).toBe(refs.length);
    });
  }
});
