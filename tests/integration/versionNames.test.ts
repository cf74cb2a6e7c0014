/**
 * Automatic versions are named in the reader's language, in the list, in the version files and on
 * the report's cover; versions stored before, with English words only, read in French too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';

const DOC: string = SEED_IDS[1];
const NBSP = '\u00a0';
let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

const names = async (cookie: string) =>
  ((await t.api('GET', `/api/documents/${DOC}/versions`, { cookie })).body as Array<{ id: string; name: string; label: unknown; createdAt: string; createdBy: string | null }>);
const longDay = (iso: string, locale: string) => new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

describe('automatic version names', () => {
  it('are said in the reader’s language, with the day written as that language writes it', async () => {
    await t.setPhase(DOC, 'revision');
    const french = await t.person({ role: 'working-group', language: 'fr' });
    const [openedEn, consultedEn] = await names(t.adminCookie);
    const [openedFr, consultedFr] = await names(french.cookie);
    expect(openedEn!.label).toEqual({ kind: 'opened' });
    expect(consultedEn!.label).toEqual({ kind: 'consulted' });
    expect([openedEn!.name, consultedEn!.name]).toEqual([
      `Text put out for consultation, ${longDay(openedEn!.createdAt, 'en-GB')}`,
      `Text as consulted, closed ${longDay(consultedEn!.createdAt, 'en-GB')}`,
    ]);
    expect([openedFr!.name, consultedFr!.name]).toEqual([
      `Texte soumis à la consultation, ${longDay(openedEn!.createdAt, 'fr-FR')}`,
      `Texte à la clôture de la consultation, ${longDay(consultedEn!.createdAt, 'fr-FR')}`,
    ]);
    // Nobody took them: the API says so in the reader's language too.
    expect([openedEn!.createdBy, openedFr!.createdBy]).toEqual(['Automatic', 'Automatique']);
  });

  it('in the version files and on the report’s cover, in the language asked for', async () => {
    const [opened] = await names(t.adminCookie);
    const md = async (lang: string) => (await fetch(`${t.url}/api/documents/${DOC}/versions/${opened!.id}?format=md&lang=${lang}`, { headers: { cookie: t.adminCookie } })).text();
    expect(await md('fr')).toContain(`*Texte soumis à la consultation, ${longDay(opened!.createdAt, 'fr-FR')}, `);
    expect(await md('en')).toContain(`*Text put out for consultation, ${longDay(opened!.createdAt, 'en-GB')}, `);
    const report = async (lang: string) => (await t.api('GET', `/api/documents/${DOC}/report?format=json&lang=${lang}`, { cookie: t.adminCookie })).body.document.version;
    expect(await report('fr')).toBe(`Texte soumis à la consultation, ${longDay(opened!.createdAt, 'fr-FR')}`);
    expect(await report('en')).toBe(`Text put out for consultation, ${longDay(opened!.createdAt, 'en-GB')}`);
  });

  it('of versions stored with English words only are read back into the reader’s language', async () => {
    const state = Y.encodeStateAsUpdate(new Y.Doc());
    const old = { documentId: DOC, createdBy: null, phase: 'consultation' as const, automatic: true };
    await t.server.services.versions.insert({ ...old, id: '11111111-1111-4111-8111-111111111111', name: 'Text as consulted, closed 2 Dec 2026', createdAt: '2026-12-02T16:00:00.000Z' }, state);
    await t.server.services.versions.insert(
      { ...old, id: '22222222-2222-4222-8222-222222222222', name: 'Before restoring “Text put out for consultation, 3 Sept 2026” (automatic)', createdAt: '2026-12-03T09:00:00.000Z' },
      state,
    );
    await t.server.services.versions.insert({ ...old, id: '33333333-3333-4333-8333-333333333333', name: 'Before restoring “Our draft” (automatic)', createdAt: '2026-12-04T09:00:00.000Z' }, state);
    // A name a person gave stays as written, even one that reads like an automatic one.
    await t.server.services.versions.insert({ ...old, automatic: false, createdBy: 'someone', id: '44444444-4444-4444-8444-444444444444', name: 'Adopted text, 5 Dec 2026', createdAt: '2026-12-05T09:00:00.000Z' }, state);
    const french = await t.person({ role: 'working-group', language: 'fr' });
    expect((await names(french.cookie)).slice(-4).map((v) => v.name)).toEqual([
      'Texte à la clôture de la consultation, 2 décembre 2026',
      `Avant le rétablissement de «${NBSP}Texte soumis à la consultation, 3 septembre 2026${NBSP}» (automatique)`,
      `Avant le rétablissement de «${NBSP}Our draft${NBSP}» (automatique)`,
      'Adopted text, 5 Dec 2026',
    ]);
    expect((await names(t.adminCookie)).slice(-4).map((v) => v.name)).toEqual([
      'Text as consulted, closed 2 December 2026',
      'Before restoring “Text put out for consultation, 3 September 2026” (automatic)',
      'Before restoring “Our draft” (automatic)',
      'Adopted text, 5 Dec 2026',
    ]);
  });

  it('of the copy taken before a restore names the restored version in the reader’s language', async () => {
    const [opened] = await names(t.adminCookie);
    await t.setPhase(DOC, 'drafting');
    expect((await t.api('POST', `/api/documents/${DOC}/versions/${opened!.id}/restore`, { cookie: t.adminCookie })).status).toBe(200);
    const french = await t.person({ role: 'working-group', language: 'fr' });
    expect((await names(french.cookie)).at(-1)!.name).toBe(`Avant le rétablissement de «${NBSP}Texte soumis à la consultation, ${longDay(opened!.createdAt, 'fr-FR')}${NBSP}» (automatique)`);
  });
});
