import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import * as Y from 'yjs';
import { ADMIN_TOKEN, SEED_IDS, signIn, tempDataDir } from '../helpers/testServer.ts';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { connect, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';

const DOC = SEED_IDS[0];
const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

function track(server: ServerProcess): ServerProcess {
  cleanup.push(() => server.child.kill('SIGKILL'));
  return server;
}
function dataDir(): string {
  const dir = tempDataDir();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
function client(url: string, cookie: string): CollabClient {
  const c = connect(url.replace(/^http/, 'ws'), DOC, cookie);
  cleanup.push(() => c.destroy());
  return c;
}
const textOf = (doc: Y.Doc) => plainText(doc.getXmlFragment(TEXT_FIELD));
async function post(url: string, route: string, cookie: string, body: unknown) {
  const res = await fetch(`${url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: url }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

describe('the server process', () => {
  it('prints a sign-in link on first start; with ADMIN_TOKEN the token is exactly its value', async () => {
    const dir = dataDir();
    const first = track(await spawnServer({ DATA_DIR: dir }));
    const link = /Secretariat sign-in link: (\S+)/.exec(first.stdout())?.[1];
    expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
    const res = await fetch(link!, { redirect: 'manual' });
    expect(res.status).toBe(302);
    first.child.kill('SIGTERM');
    await first.exited;

    const second = track(await spawnServer({ DATA_DIR: dir, ADMIN_TOKEN }));
    expect(second.stdout()).toContain(`/join/${ADMIN_TOKEN}`);
    expect(await signIn(second.url, ADMIN_TOKEN)).toMatch(/^accord_session=/);
    const docs = await fetch(`${second.url}/api/documents`, { headers: { cookie: await signIn(second.url, ADMIN_TOKEN) } });
    expect(await docs.json()).toHaveLength(SEED_IDS.length);
  });

  it('refuses to start with an ADMIN_TOKEN shorter than 32 characters', async () => {
    await expect(spawnServer({ DATA_DIR: dataDir(), ADMIN_TOKEN: 'short' })).rejects.toThrow(/ADMIN_TOKEN must be at least 32/);
  });

  it('stops within 5 s on SIGTERM with exit code 0, keeping the last edit', async () => {
    const dir = dataDir();
    const server = track(await spawnServer({ DATA_DIR: dir, ADMIN_TOKEN }));
    const cookie = await signIn(server.url, ADMIN_TOKEN);
    await post(server.url, `/api/documents/${DOC}/phase`, cookie, { phase: 'drafting' });
    const editor = client(server.url, cookie);
    await editor.synced;
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Written just before SIGTERM.')]);
    editor.doc.getXmlFragment(TEXT_FIELD).push([p]);
    const watcher = client(server.url, cookie);
    await waitForDoc(watcher.doc, () => textOf(watcher.doc).includes('just before SIGTERM'));

    const started = Date.now();
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    editor.provider.disconnect();
    watcher.provider.disconnect();

    const again = track(await spawnServer({ DATA_DIR: dir, ADMIN_TOKEN }));
    const reader = client(again.url, await signIn(again.url, ADMIN_TOKEN));
    await reader.synced;
    expect(textOf(reader.doc).split('Written just before SIGTERM.').length).toBe(2);
  });

  it('loses no edit the server received more than a second before kill -9', async () => {
    const dir = dataDir();
    const server = track(await spawnServer({ DATA_DIR: dir, ADMIN_TOKEN }));
    const cookie = await signIn(server.url, ADMIN_TOKEN);
    await post(server.url, `/api/documents/${DOC}/phase`, cookie, { phase: 'revision' });
    const editor = client(server.url, cookie);
    const watcher = client(server.url, cookie);
    await Promise.all([editor.synced, watcher.synced]);
    const fragment = editor.doc.getXmlFragment(TEXT_FIELD);
    for (let i = 0; i < 50; i++) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(`Burst line ${i}.`)]);
      fragment.push([p]);
    }
    // The watcher sees the last line only after the server received (and relayed) all of them.
    await waitForDoc(watcher.doc, () => textOf(watcher.doc).includes('Burst line 49.'));
    // The promise is about updates older than one second; this wait is the condition itself.
    await new Promise((r) => setTimeout(r, 1100));
    server.child.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    editor.provider.disconnect();
    watcher.provider.disconnect();

    const again = track(await spawnServer({ DATA_DIR: dir, ADMIN_TOKEN }));
    const reader = client(again.url, await signIn(again.url, ADMIN_TOKEN));
    await reader.synced;
    const text = textOf(reader.doc);
    for (let i = 0; i < 50; i++) expect(text).toContain(`Burst line ${i}.`);
    const docs = await fetch(`${again.url}/api/documents`, { headers: { cookie: await signIn(again.url, ADMIN_TOKEN) } });
    expect(await docs.json()).toHaveLength(SEED_IDS.length);
  });

  it('keeps every acknowledged comment when killed with SIGKILL in the middle of a burst', async () => {
    const dir = dataDir();
    const server = track(await spawnServer({ DATA_DIR: dir, ADMIN_TOKEN }));
    const cookie = await signIn(server.url, ADMIN_TOKEN);
    const sectionId = ((await (await fetch(`${server.url}/api/documents/${DOC}`, { headers: { cookie } })).json()) as { sections: Array<{ id: string }> }).sections[0]!.id;
    const acknowledged: string[] = [];
    let sent = 0;
    const burst = Array.from({ length: 4 }, async (_, worker) => {
      for (let i = 0; ; i++) {
        const body = `Burst comment ${worker}-${i}`;
        sent++;
        try {
          const res = await post(server.url, `/api/documents/${DOC}/threads`, cookie, { sectionId, kind: 'general', body });
          if (res.status === 201) acknowledged.push(res.body.id);
        } catch {
          return; // the server is gone
        }
      }
    });
    // Kill once a good number are acknowledged and more are in flight.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (acknowledged.length >= 40) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    server.child.kill('SIGKILL');
    await Promise.all(burst);
    expect(sent).toBeGreaterThan(acknowledged.length);

    const again = track(await spawnServer({ DATA_DIR: dir, ADMIN_TOKEN }));
    const after = await fetch(`${again.url}/api/documents/${DOC}/threads`, { headers: { cookie: await signIn(again.url, ADMIN_TOKEN) } });
    const ids = new Set(((await after.json()) as Array<{ id: string }>).map((th) => th.id));
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
  });
});
