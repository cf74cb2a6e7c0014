/**
 * The web app's files go out compressed when the browser accepts it, from the copies the build wrote
 * beside them, and hashed assets are cached for good. A temporary client folder stands in for the
 * build so that the expected bytes are known here, not read back from the code under test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGet } from '../helpers/rawHttp.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const SCRIPT = `console.log(${JSON.stringify('accord '.repeat(2000))});\n`;
const RECORDS = '{"index.html":{"file":"assets/app-abc123.js"}}';
const INDEX = `<!doctype html><html lang="en"><head><title>Accord</title></head><body><div id="root"></div></body></html>\n`;

let t: TestServer;
let clientDir: string;

beforeAll(async () => {
  clientDir = mkdtempSync(path.join(os.tmpdir(), 'accord-client-'));
  mkdirSync(path.join(clientDir, 'assets'));
  writeFileSync(path.join(clientDir, 'index.html'), INDEX);
  const script = path.join(clientDir, 'assets', 'app-abc123.js');
  writeFileSync(script, SCRIPT);
  writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${script}.gz`, gzipSync(SCRIPT));
  writeFileSync(path.join(clientDir, 'assets', 'DocumentPage-def456.js'), SCRIPT);
  mkdirSync(path.join(clientDir, '.vite'));
  // Not named manifest.json: the preload tests below run on a build without one.
  writeFileSync(path.join(clientDir, '.vite', 'records.json'), RECORDS);
  t = await startTestServer({ config: { clientDir } });
});

afterAll(async () => {
  await t.close();
  rmSync(clientDir, { recursive: true, force: true });
});

function get(route: string, acceptEncoding?: string) {
  // fetch would decompress by itself; node:http-level bytes are what the browser receives.
  return rawGet(`${t.url}${route}`, acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding });
}

describe('static files', () => {
  it("keeps the build's own records to itself", async () => {
    for (const route of ['/.vite/records.json', '/assets/../.vite/records.json', '/.vite/']) {
      const res = await get(route);
      expect(res.body.toString()).not.toContain('app-abc123');
    }
  });


  it('sends the brotli copy to a browser that accepts it', async () => {
    const res = await get('/assets/app-abc123.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it('sends the gzip copy when brotli is not accepted', async () => {
    const res = await get('/assets/app-abc123.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toBe(SCRIPT);
  });

  it('sends the file as it is to a client that accepts no encoding', async () => {
    const res = await get('/assets/app-abc123.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(SCRIPT);
  });

  it('serves the app page for client routes, never cached for long', async () => {
    const res = await get('/documents/some-document', 'br');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});

describe('the page of a document', () => {
  it('names the session, the document and the page script for the browser to fetch at once', async () => {
    const res = await get('/documents/cooperation-with-civil-society');
    expect(res.status).toBe(200);
    expect(res.headers['link']).toBe(
      '</api/session>; rel=preload; as=fetch; crossorigin, </api/documents/cooperation-with-civil-society>; rel=preload; as=fetch; crossorigin, </api/documents/cooperation-with-civil-society/text>; rel=preload; as=fetch; crossorigin, </assets/DocumentPage-def456.js>; rel=modulepreload',
    );
  });

  it('names nothing for other pages, nor for a path that cannot be a document', async () => {
    for (const route of ['/', '/people', '/documents/Not_An_Id', '/documents/a/report']) {
      const res = await get(route);
      expect(res.status).toBe(200);
      expect(res.headers['link']).toBeUndefined();
    }
  });
});

describe('the page of a document, from a build with a manifest', () => {
  let server: TestServer;
  let dir: string;
  // The shape of Vite's .vite/manifest.json: entries by source, shared chunks by an underscored name.
  const manifest = {
    'index.html': { file: 'assets/index-aaa.js', isEntry: true, imports: ['_api-bbb.js'], css: ['assets/index-ccc.css'] },
    '_api-bbb.js': { file: 'assets/api-bbb.js' },
    'pages/DocumentPage.tsx': {
      file: 'assets/DocumentPage-ddd.js',
      isDynamicEntry: true,
      imports: ['_api-bbb.js', 'index.html', '_earlyLive-eee.js', '_Dialog-fff.js'],
      css: ['assets/DocumentPage-ggg.css'],
    },
    '_earlyLive-eee.js': { file: 'assets/earlyLive-eee.js', imports: ['_api-bbb.js'] },
    '_Dialog-fff.js': { file: 'assets/Dialog-fff.js', css: ['assets/Dialog-hhh.css'] },
    'pages/PeoplePage.tsx': { file: 'assets/PeoplePage-iii.js', isDynamicEntry: true },
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'accord-client-'));
    mkdirSync(path.join(dir, 'assets'));
    mkdirSync(path.join(dir, '.vite'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
    server = await startTestServer({ config: { clientDir: dir } });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("names the app's files first, then the session and the document, then every file the page loads before it runs, its own script last", async () => {
    const res = await fetch(`${server.url}/documents/cooperation-with-civil-society`);
    expect(res.status).toBe(200);
    expect(res.headers.get('link')?.split(', ')).toEqual([
      '</assets/index-aaa.js>; rel=modulepreload',
      '</assets/api-bbb.js>; rel=modulepreload',
      '</assets/index-ccc.css>; rel=preload; as=style; crossorigin',
      '</api/session>; rel=preload; as=fetch; crossorigin',
      '</api/documents/cooperation-with-civil-society>; rel=preload; as=fetch; crossorigin',
      '</api/documents/cooperation-with-civil-society/text>; rel=preload; as=fetch; crossorigin',
      '</assets/earlyLive-eee.js>; rel=modulepreload',
      '</assets/Dialog-fff.js>; rel=modulepreload',
      '</assets/DocumentPage-ddd.js>; rel=modulepreload',
      '</assets/Dialog-hhh.css>; rel=preload; as=style; crossorigin',
      '</assets/DocumentPage-ggg.css>; rel=preload; as=style; crossorigin',
    ]);
  });
});
