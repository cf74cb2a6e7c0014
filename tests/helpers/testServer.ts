/**
 * Starts the real server on port 0 with its own temporary DATA_DIR, and makes people and sessions in
 * one line (factories with overrides). Every test gets a fresh server: no test depends on another.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type Config } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import type { Role, Stakeholder } from '../../shared/domain.ts';
import type { Person } from '../../shared/api.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdefghijklmnop';

export interface TestServer {
  url: string;
  wsUrl: string;
  dataDir: string;
  server: RunningServer;
  /** Cookie header of a signed-in Secretariat session. */
  adminCookie: string;
  /** Invites a person (Secretariat) and signs them in; returns their cookie and token. */
  person(overrides?: Partial<NewPersonFields>): Promise<{ person: Person; token: string; cookie: string }>;
  /** fetch against the server with JSON in and out, as `cookie`, from the server's own origin. */
  // oxlint-disable-next-line typescript/no-explicit-any -- response bodies are checked by each test's assertions
  api(method: string, route: string, options?: { cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  setPhase(documentId: string, phase: string, deadline?: string | null): Promise<void>;
  /** Restarts on the same DATA_DIR (and the same port, so clients reconnect). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface NewPersonFields {
  name: string;
  email: string;
  role: Role;
  country: string;
  organisation: string;
  stakeholder: Stakeholder;
  language?: 'en' | 'fr';
  /** The documents the person takes part in (the API's default when left out). */
  documents?: string[];
}

let counter = 0;

export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'accord-test-'));
}

/** The run's PostgreSQL database when the suite runs against it (ACCORD_TEST_STORE=pg), else undefined. */
export function testDatabaseUrl(): string | undefined {
  try {
    return inject('accordDatabaseUrl') || undefined;
  } catch {
    // Outside Vitest (npm run soak, the benchmarks): lowdb.
    return undefined;
  }
}

/**
 * True when the suite runs against PostgreSQL. A few tests are about lowdb's files themselves (a full
 * disk, a damaged file, backup of DATA_DIR) and are skipped then; pgStore.test.ts covers the
 * database's own failures.
 */
export const onPostgres = (): boolean => testDatabaseUrl() !== undefined;

/** Each DATA_DIR's own schema in the run's database, so a restart on the same folder finds its data. */
export function testSchema(dataDir: string): string {
  return `srv_${createHash('sha256').update(dataDir).digest('hex').slice(0, 24)}`;
}

/** Drops a test server's schema (its PostgreSQL data), like removing its DATA_DIR. */
export async function dropTestSchema(dataDir: string): Promise<void> {
  const url = testDatabaseUrl();
  if (!url) return;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DROP SCHEMA IF EXISTS ${testSchema(dataDir)} CASCADE`);
  } finally {
    await sql.end();
  }
}

/** Tests let documents go at once (roomGraceMs 0) so that what is in memory is what they did; tests of the grace period set it. */
export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  const databaseUrl = testDatabaseUrl();
  const store = databaseUrl ? { databaseUrl, databaseSchema: testSchema(dataDir) } : {};
  return parseConfig(
    { HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, ADMIN_TOKEN, LOG_LEVEL: 'error' },
    { ...store, seedDir: path.join(ROOT, 'docs-seed'), clientDir: path.join(ROOT, 'client', 'dist'), signInLimitPerMinute: 10_000, roomGraceMs: 0, storageRetryMs: 50, ...overrides },
  );
}

export async function signIn(url: string, token: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ token }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

export async function startTestServer(options: { dataDir?: string; config?: Partial<Config> } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  let server = await startServer(testConfig(dataDir, options.config));
  const state = { server, url: server.url };
  const adminCookie = await signIn(state.url, ADMIN_TOKEN);

  const api: TestServer['api'] = async (method, route, opts = {}) => {
    const headers: Record<string, string> = { origin: state.url, ...opts.headers };
    if (opts.cookie) headers.cookie = opts.cookie;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const init: RequestInit = { method, headers, redirect: 'manual' };
    if (body !== undefined) init.body = body;
    const res = await fetch(`${state.url}${route}`, init);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };

  const test: TestServer = {
    get url() {
      return state.url;
    },
    get wsUrl() {
      return state.url.replace(/^http/, 'ws');
    },
    dataDir,
    get server() {
      return state.server;
    },
    adminCookie,
    api,
    async person(overrides = {}) {
      counter++;
      const fields: NewPersonFields = {
        name: `Person ${counter}`,
        email: `person${counter}@example.org`,
        role: 'participant',
        country: 'DE',
        organisation: 'Example organisation',
        stakeholder: 'civil-society',
        ...overrides,
      };
      const res = await api('POST', '/api/people', { cookie: adminCookie, body: fields });
      if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
      const cookie = await signIn(state.url, res.body.inviteToken);
      return { person: res.body.person, token: res.body.inviteToken, cookie };
    },
    async setPhase(documentId, phase, deadline) {
      const res = await api('POST', `/api/documents/${documentId}/phase`, {
        cookie: adminCookie,
        body: deadline === undefined ? { phase } : { phase, deadline },
      });
      if (res.status !== 200) throw new Error(`phase change failed: ${res.status} ${JSON.stringify(res.body)}`);
    },
    async restart() {
      const port = state.server.port;
      await state.server.close();
      server = await startServer(testConfig(dataDir, { ...options.config, port }));
      state.server = server;
      state.url = server.url;
    },
    async close() {
      await state.server.close();
      rmSync(dataDir, { recursive: true, force: true });
      await dropTestSchema(dataDir);
    },
  };
  return test;
}

export const SEED_IDS = ['cooperation-with-civil-society', 'reducing-drug-related-stigma'] as const;
