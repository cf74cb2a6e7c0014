/**
 * The server's refusals against the real server, in the reader's language: a comment after the
 * consultation deadline (the date written in the deployment's time zone), a comment table that is not
 * .xlsx or .docx, a draft that is not what its name says, an invitation to an e-mail address
 * already taken, a list of people with bad rows, and a role the phase does not allow. A French
 * reader gets French, anyone else English; the code is the same in both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/collabClient.ts';

const NBSP = '\u00a0';
const DOC: string = SEED_IDS[0];
const LATE_DOC: string = SEED_IDS[1];
let t: TestServer;
let readers: Record<'fr' | 'en', { secretariat: string; participant: string; reviewer: string }>;

beforeAll(async () => {
  t = await startTestServer({ config: { timeZone: 'Europe/Paris' } });
  const cookies = async (language: 'fr' | 'en') => ({
    secretariat: (await t.person({ role: 'secretariat', language })).cookie,
    participant: (await t.person({ role: 'participant', language })).cookie,
    reviewer: (await t.person({ role: 'reviewer', language })).cookie,
  });
  readers = { fr: await cookies('fr'), en: await cookies('en') };
  await t.setPhase(DOC, 'consultation', null);
});
afterAll(() => t.close());

const sectionOf = async (documentId: string): Promise<string> => (await t.api('GET', `/api/documents/${documentId}`, { cookie: t.adminCookie })).body.sections[0].id;
const comment = async (documentId: string, cookie: string) =>
  t.api('POST', `/api/documents/${documentId}/threads`, { cookie, body: { sectionId: await sectionOf(documentId), kind: 'general', body: 'Une observation.' } });

async function upload(file: Buffer, fileName: string, cookie: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), fileName);
  const res = await fetch(`${t.url}/api/documents/${DOC}/comment-import/preview`, { method: 'POST', headers: { cookie, origin: t.url }, body: form });
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
}

describe('refusals in the reader’s language', () => {
  it('a comment after the deadline names the date as read in the deployment’s time zone', async () => {
    const deadline = new Date(Date.now() + 300);
    await t.setPhase(LATE_DOC, 'consultation', deadline.toISOString());
    await waitFor(() => Date.now() > deadline.getTime(), 5_000, 'the deadline to pass');
    const inParis = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(deadline);
    const fr = await comment(LATE_DOC, readers.fr.participant);
    expect([fr.status, fr.body.error.code]).toEqual([403, 'deadline_passed']);
    expect(fr.body.error.message).toMatch(new RegExp(`^La consultation a été close le ${inParis('fr-FR')} \\(Europe/Paris, UTC\\+0[12]:00\\)${NBSP}; elle ne reçoit plus de nouvelles observations ni de réponses\\.$`));
    const en = await comment(LATE_DOC, readers.en.participant);
    expect([en.status, en.body.error.code]).toEqual([403, 'deadline_passed']);
    expect(en.body.error.message).toMatch(new RegExp(`^The consultation closed on ${inParis('en-GB')} \\(Europe/Paris, GMT\\+0[12]:00\\); it takes no new comments or replies\\.$`));
  });

  it('a comment table that is neither .xlsx nor .docx', async () => {
    const csv = Buffer.from('MB/NC,Comments\nDE,Hello');
    const fr = await upload(csv, 'observations.csv', readers.fr.secretariat);
    expect([fr.status, fr.body.error.code]).toEqual([415, 'unsupported_file']);
    expect(fr.body.error.message).toBe(
      `«${NBSP}observations.csv${NBSP}» n’est pas un fichier Excel (.xlsx) ou Word (.docx). Enregistrez le tableau d’observations dans l’un de ces formats et réessayez.`,
    );
    const en = await upload(csv, 'observations.csv', readers.en.secretariat);
    expect([en.status, en.body.error.code]).toEqual([415, 'unsupported_file']);
    expect(en.body.error.message).toBe('“observations.csv” is not an Excel (.xlsx) or Word (.docx) file. Save the comment table in one of these formats and try again.');
  });

  it('a draft whose name says Word but whose bytes are a PDF', async () => {
    const draft = async (cookie: string) => {
      const form = new FormData();
      form.append('file', new Blob(['%PDF-1.4 a draft']), 'projet.docx');
      const res = await fetch(`${t.url}/api/documents/preview`, { method: 'POST', headers: { cookie, origin: t.url }, body: form });
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
    };
    const fr = await draft(readers.fr.secretariat);
    expect([fr.status, fr.body.error.code]).toEqual([415, 'unsupported_file']);
    expect(fr.body.error.message).toBe(
      `«${NBSP}projet.docx${NBSP}» est un fichier PDF, et non un fichier .docx. Enregistrez le projet depuis Word au format .docx (ou .md ou .txt) et réessayez.`,
    );
    const en = await draft(readers.en.secretariat);
    expect([en.status, en.body.error.code]).toEqual([415, 'unsupported_file']);
    expect(en.body.error.message).toBe('“projet.docx” is a PDF file, not a .docx file. Save the draft from Word as .docx (or as .md or .txt) and try again.');
  });

  it('an invitation to an e-mail address that already has an account', async () => {
    const body = { name: 'Marie Dupont', email: 'marie.dupont@example.fr', role: 'participant', country: 'FR', stakeholder: 'government' };
    expect((await t.api('POST', '/api/people', { cookie: t.adminCookie, body })).status).toBe(201);
    const again = { ...body, name: 'M. Dupont', email: 'Marie.Dupont@example.fr' };
    const fr = await t.api('POST', '/api/people', { cookie: readers.fr.secretariat, body: again });
    expect([fr.status, fr.body.error.code]).toEqual([409, 'email_taken']);
    expect(fr.body.error.message).toBe('Marie Dupont a déjà un compte avec l’adresse Marie.Dupont@example.fr. Transmettez-lui plutôt un nouveau lien de connexion.');
    const en = await t.api('POST', '/api/people', { cookie: readers.en.secretariat, body: again });
    expect([en.status, en.body.error.code]).toEqual([409, 'email_taken']);
    expect(en.body.error.message).toBe('Marie Dupont already has an account with Marie.Dupont@example.fr. Give them a new sign-in link instead.');
  });

  it('a list of people with bad rows, naming the first row’s problem in the same language', async () => {
    const row = (n: number, overrides: Record<string, string> = {}) => ({
      name: `Personne ${n}`,
      email: `liste${n}@example.fr`,
      country: 'FR',
      organisation: 'Ministère de la Santé',
      stakeholder: 'government',
      role: '',
      language: '',
      ...overrides,
    });
    const rows = [row(1), row(2, { country: 'ZZ' }), row(3, { email: 'pas une adresse' })];
    const fr = await t.api('POST', '/api/people/bulk', { cookie: readers.fr.secretariat, body: { rows } });
    expect([fr.status, fr.body.error.code]).toEqual([400, 'invalid_input']);
    expect(fr.body.error.message).toBe(
      `Ligne 2${NBSP}: «${NBSP}ZZ${NBSP}» n’est pas un code de pays (ISO 3166-1, par exemple FR ou BE). 1 autre ligne pose aussi problème. Personne n’a été créé.`,
    );
    const en = await t.api('POST', '/api/people/bulk', { cookie: readers.en.secretariat, body: { rows } });
    expect([en.status, en.body.error.code]).toEqual([400, 'invalid_input']);
    expect(en.body.error.message).toBe('Row 2: “ZZ” is not a country code (ISO 3166-1, such as FR or BE). 1 more row has problems too. Nothing was created.');
  });

  it('a role the document’s phase does not allow', async () => {
    const fr = await comment(DOC, readers.fr.reviewer);
    expect([fr.status, fr.body.error.code]).toEqual([403, 'forbidden']);
    expect(fr.body.error.message).toBe('Les Correspondants permanents ne peuvent pas faire cela tant que le document est en consultation.');
    const en = await comment(DOC, readers.en.reviewer);
    expect([en.status, en.body.error.code]).toEqual([403, 'forbidden']);
    expect(en.body.error.message).toBe('Permanent Correspondents cannot do this while the document is in consultation.');
  });
});
