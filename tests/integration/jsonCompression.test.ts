/**
 * The API's JSON answers go out gzipped to a client that accepts gzip, and as they are to one that
 * does not; the event stream is never compressed (a compressor would hold its events back). Read with
 * node:http, which does not decompress: these are the bytes on the wire.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGet } from '../helpers/rawHttp.ts';
import { ADMIN_TOKEN, SEED_IDS, signIn, startTestServer, type TestServer } from '../helpers/testServer.ts';

let t: TestServer;
let admin: string;

beforeAll(async () => {
  t = await startTestServer();
  admin = await signIn(t.url, ADMIN_TOKEN);
});

afterAll(() => t.close());

const get = (route: string, headers: Record<string, string>, headOnly = false) => rawGet(`${t.url}${route}`, { cookie: admin, ...headers }, headOnly);

describe('compressed JSON answers', () => {
  it('gzips a JSON answer for a client that accepts gzip, and the words are the same', async () => {
    const route = `/api/documents/${SEED_IDS[0]}/text`;
    const plain = await get(route, { 'accept-encoding': 'identity' });
    const zipped = await get(route, { 'accept-encoding': 'gzip, deflate, br' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(String(zipped.headers.vary)).toMatch(/accept-encoding/i);
    expect(zipped.headers['cache-control']).toBe('no-store');
    // The seed draft's text is tens of kilobytes of prose: gzip takes it well under half.
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    const unzipped = JSON.parse(gunzipSync(zipped.body).toString('utf8')) as unknown;
    expect(unzipped).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  it('sends an error as JSON a client can read, compressed or not, in its language', async () => {
    const zipped = await get('/api/documents/no-such-document', { 'accept-encoding': 'gzip', 'accept-language': 'fr' });
    expect(zipped.status).toBe(404);
    const body = zipped.headers['content-encoding'] === 'gzip' ? gunzipSync(zipped.body) : zipped.body;
    const error = (JSON.parse(body.toString('utf8')) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('not_found');
    expect(error.message).not.toMatch(/not found/i);
  });

  it('never compresses the event stream', async () => {
    const res = await get(`/api/documents/${SEED_IDS[0]}/events`, { 'accept-encoding': 'gzip', accept: 'text/event-stream' }, true);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/event-stream/);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
