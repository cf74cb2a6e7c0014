/**
 * A phase change while a working-group member types: the automatic version must hold exactly the text
 * that was frozen, with no edit applied after it was taken (issue 12, part 2).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ADMIN_TOKEN, SEED_IDS, signIn, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, waitFor, type CollabClient } from '../helpers/collabClient.ts';
import { paragraphs } from '../helpers/anchors.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';

const DOC: string = SEED_IDS[1];
/** A letter no seed draft uses, so counting it counts the keystrokes. */
const KEY = 'ж';
let t: TestServer;
const clients: CollabClient[] = [];

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await t.close();
});

const keystrokes = (text: string) => [...text].filter((ch) => ch === KEY).length;

async function liveText(cookie: string): Promise<string> {
  const probe = connect(t.wsUrl, DOC, cookie);
  clients.push(probe);
  await probe.synced;
  return plainText(probe.doc.getXmlFragment(TEXT_FIELD));
}

async function versionText(cookie: string, name: string): Promise<string> {
  const list = (await t.api('GET', `/api/documents/${DOC}/versions`, { cookie })).body as Array<{ id: string; name: string }>;
  const version = list.find((v) => v.name.startsWith(name));
  if (!version) throw new Error(`no version ${name}`);
  const read = (await t.api('GET', `/api/documents/${DOC}/versions/${version.id}`, { cookie })).body as { preamble: string; sections: Array<{ text: string }> };
  return [read.preamble, ...read.sections.map((s) => s.text)].join('\n');
}

async function typeThroughPhaseChange(to: 'final-review' | 'adopted', versionName: string) {
  await t.setPhase(DOC, 'revision');
  const { cookie } = await t.person({ role: 'working-group' });
  const writer = connect(t.wsUrl, DOC, cookie);
  clients.push(writer);
  await writer.synced;
  const [target] = paragraphs(writer.doc);
  if (!target) throw new Error('no paragraph to type in');
  // One keystroke per turn of the event loop, as fast as the socket takes them, until told to stop.
  let typing = true;
  let typed = 0;
  const type = () => {
    if (!typing) return;
    target.text.insert(0, KEY);
    typed++;
    setImmediate(type);
  };
  // Wait until the server has applied some keystrokes, so the phase change lands mid-typing.
  type();
  await waitFor(async () => keystrokes(await liveText(t.adminCookie)) > 20, 10_000, 'keystrokes to arrive');
  const changed = await t.api('POST', `/api/documents/${DOC}/phase`, { cookie: t.adminCookie, body: { phase: to } });
  expect(changed.status).toBe(200);
  // Keep typing for a while after the answer: nothing may get through any more.
  const stopAt = typed + 200;
  await waitFor(() => typed >= stopAt, 10_000, 'more keystrokes');
  typing = false;

  const inVersion = keystrokes(await versionText(t.adminCookie, versionName));
  const live = keystrokes(await liveText(t.adminCookie));
  // The stored log holds the same text.
  await t.restart();
  const cookieAfter = await signIn(t.url, ADMIN_TOKEN);
  return { inVersion, live, stored: keystrokes(await liveText(cookieAfter)), versionAfterRestart: keystrokes(await versionText(cookieAfter, versionName)) };
}

it('adoption: the "Adopted text" version equals the frozen text while a working-group member types', async () => {
  const counts = await typeThroughPhaseChange('adopted', 'Adopted text, ');
  expect(counts.inVersion).toBeGreaterThan(20);
  expect(counts).toEqual({ inVersion: counts.inVersion, live: counts.inVersion, stored: counts.inVersion, versionAfterRestart: counts.inVersion });
});

it('every automatic version at a phase change equals the text the new phase starts with', async () => {
  const counts = await typeThroughPhaseChange('final-review', 'Text sent for final review, ');
  expect(counts.inVersion).toBeGreaterThan(20);
  expect(counts).toEqual({ inVersion: counts.inVersion, live: counts.inVersion, stored: counts.inVersion, versionAfterRestart: counts.inVersion });
});

it('an editor who keeps the right to write loses no keystroke typed while the phase changed', async () => {
  await t.setPhase(DOC, 'drafting');
  const { cookie } = await t.person({ role: 'working-group' });
  const writer = connect(t.wsUrl, DOC, cookie);
  clients.push(writer);
  await writer.synced;
  const [target] = paragraphs(writer.doc);
  if (!target) throw new Error('no paragraph to type in');
  let typing = true;
  let typed = 0;
  const type = () => {
    if (!typing) return;
    target.text.insert(0, KEY);
    typed++;
    setImmediate(type);
  };
  type();
  await waitFor(async () => keystrokes(await liveText(t.adminCookie)) > 20, 10_000, 'keystrokes to arrive');
  // Drafting to revision: the working group may write in both, so its socket stays open.
  await t.setPhase(DOC, 'revision');
  const stopAt = typed + 100;
  await waitFor(() => typed >= stopAt, 10_000, 'more keystrokes');
  typing = false;
  await waitFor(async () => keystrokes(await liveText(t.adminCookie)) === typed, 10_000, 'every keystroke on the server');
  expect(keystrokes(await liveText(t.adminCookie))).toBe(typed);
  expect(keystrokes(await versionText(t.adminCookie, 'Text before revision, '))).toBeGreaterThan(20);
});
