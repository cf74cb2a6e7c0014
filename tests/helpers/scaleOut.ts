/**
 * Three (or more) server processes of one deployment: the same PostgreSQL schema and Redis key prefix,
 * each its own port and DATA_DIR, started as `npm start` starts them. Redis is reached through a TCP
 * gate, so a test can take it away and bring it back as a restart does.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { rmSync } from 'node:fs';
import postgres from 'postgres';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { TEXT_FIELD } from '../../server/documents/text.ts';
import { ADMIN_TOKEN, tempDataDir, testDatabaseUrl } from './testServer.ts';
import { baseDatabaseUrl } from './pgSetup.ts';
import { spawnServer, type ServerProcess } from './serverProcess.ts';
import { startTcpGate, type TcpGate } from './tcpGate.ts';

export const REDIS_HOST = '127.0.0.1';
export const REDIS_PORT = Number(process.env.REDIS_PORT ?? 6379);

const answers = (port: number, host = '127.0.0.1') =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, host);
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

/** The run's database on a PostgreSQL run, else the machine's (DATABASE_URL or the standard port). */
export const sharedDatabaseUrl = () => testDatabaseUrl() ?? baseDatabaseUrl();

/** Why tests needing PostgreSQL cannot run here, or null when it answers. */
export async function postgresUnavailable(): Promise<string | null> {
  const pg = new URL(sharedDatabaseUrl());
  return (await answers(Number(pg.port || 5432), pg.hostname)) ? null : `no PostgreSQL answers at ${pg.host}`;
}

/** Why the scale-out tests cannot run here, or null when PostgreSQL and Redis both answer. */
export async function scaleOutUnavailable(): Promise<string | null> {
  const pg = await postgresUnavailable();
  if (pg) return pg;
  if (!(await answers(REDIS_PORT, REDIS_HOST))) return `no Redis answers at ${REDIS_HOST}:${REDIS_PORT}`;
  return null;
}

export interface Deployment {
  servers: ServerProcess[];
  redisGate: TcpGate;
  env: Record<string, string>;
  /** Starts one more process of the deployment. */
  spawn(): Promise<ServerProcess>;
  close(): Promise<void>;
}

export async function startDeployment(count: number, extraEnv: Record<string, string> = {}): Promise<Deployment> {
  const run = randomBytes(5).toString('hex');
  const databaseUrl = sharedDatabaseUrl();
  const schema = `scale_${run}`;
  const prefix = `accord-test:${run}:`;
  const redisGate = await startTcpGate(REDIS_HOST, REDIS_PORT);
  const env = {
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    REDIS_URL: `redis://127.0.0.1:${redisGate.port}`,
    REDIS_PREFIX: prefix,
    ADMIN_TOKEN,
    ...extraEnv,
  };
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  const spawn = async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const server = await spawnServer({ ...env, DATA_DIR: dir });
    servers.push(server);
    return server;
  };
  // The first creates the schema and imports the seed; the others start together on it.
  await spawn();
  await Promise.all(Array.from({ length: count - 1 }, spawn));
  return {
    servers,
    redisGate,
    env,
    spawn,
    async close() {
      for (const server of servers) server.child.kill('SIGKILL');
      await Promise.all(servers.map((s) => s.exited));
      await redisGate.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => sql.end());
      const redis = new Redis(REDIS_PORT, REDIS_HOST);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    },
  };
}

/** Adds a paragraph holding `text` at the end of a client's document (one update). */
export function writeParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(TEXT_FIELD).push([p]);
}
