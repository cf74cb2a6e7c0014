/**
 * Behind a load balancer (TRUST_PROXY): each client keeps its own sign-in failure budget, and a peer
 * that is not a trusted proxy cannot give itself a fresh one by sending X-Forwarded-For.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import type { Config } from '../../server/config.ts';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const LIMIT = 3;
const start = async (trustProxy: Config['trustProxy']) => (t = await startTestServer({ config: { trustProxy, signInLimitPerMinute: LIMIT } }));
const failSignIn = async (server: TestServer, forwardedFor: string) =>
  (await server.api('POST', '/api/session', { headers: { 'x-forwarded-for': forwardedFor }, body: { token: 'not-a-token' } })).status;

describe('the sign-in failure budget behind a proxy', () => {
  it('is per client when the proxy is trusted', async () => {
    // The test's requests come from 127.0.0.1: here, the proxy.
    const server = await start({ proxies: ['127.0.0.1', '::1'] });
    for (let i = 0; i < LIMIT; i++) expect(await failSignIn(server, '203.0.113.1')).toBe(401);
    expect(await failSignIn(server, '203.0.113.1')).toBe(429);
    // Another client behind the same proxy still has its whole budget.
    for (let i = 0; i < LIMIT; i++) expect(await failSignIn(server, '203.0.113.2')).toBe(401);
    // What a client puts before the proxy's entry does not make it someone else.
    expect(await failSignIn(server, '198.51.100.1, 203.0.113.1')).toBe(429);
  });

  it('is the peer\'s when the peer is not a trusted proxy, whatever X-Forwarded-For says', async () => {
    const server = await start({ proxies: ['10.0.0.5'] });
    for (let i = 0; i < LIMIT; i++) expect(await failSignIn(server, `203.0.113.${i + 1}`)).toBe(401);
    expect(await failSignIn(server, '203.0.113.99')).toBe(429);
  });

  it('is the peer\'s when no proxy is trusted (the default)', async () => {
    const server = await start(null);
    for (let i = 0; i < LIMIT; i++) expect(await failSignIn(server, `203.0.113.${i + 1}`)).toBe(401);
    expect(await failSignIn(server, '203.0.113.99')).toBe(429);
  });
});
