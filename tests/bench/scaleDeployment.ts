/**
 * A deployment for the scale-out benchmarks ((j) and (k)): `npm start` processes on one PostgreSQL
 * schema and one Redis key prefix of their own (made for the run, removed at the end), reached
 * directly (no relay in between, unlike the integration test's gate), with bench documents in
 * `revision` and people made through the REST API. Needs PostgreSQL (DATABASE_URL or the standard
 * local port) and, for more than one process, Redis (REDIS_URL's host and port or 127.0.0.1:6379).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import postgres from 'postgres';
import { Redis } from 'ioredis';
import { ADMIN_TOKEN, signIn, tempDataDir } from '../helpers/testServer.ts';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { baseDatabaseUrl } from '../helpers/pgSetup.ts';
import { postgresUnavailable, scaleOutUnavailable, REDIS_HOST, REDIS_PORT } from '../helpers/scaleOut.ts';
import { personCookie } from './outsideServers.ts';
import { within } from './helpers.ts';
import { vmRss } from './processes.ts';
import { writeSeedDir } from './servers.ts';

export interface BenchDeployment {
  servers: ServerProcess[];
  /** The PostgreSQL URL and schema the processes share, for data written straight into the tables. */
  databaseUrl: string;
  schema: string;
  admin: string;
  /** Starts one more process of the deployment. */
  spawn(): Promise<ServerProcess>;
  /** Stops one process (SIGTERM, as a deployment stops it; SIGKILL if it hangs). */
  stop(server: ServerProcess): Promise<void>;
  /** Cookies of working-group members (they may edit and comment in revision) and of participants. */
  people(writers: number, readers: number): Promise<{ writers: string[]; readers: string[] }>;
  close(): Promise<void>;
}

/** Why the deployment cannot run here (PostgreSQL or, with Redis, Redis not answering), or null. */
export const deploymentUnavailable = (withRedis: boolean): Promise<string | null> => (withRedis ? scaleOutUnavailable() : postgresUnavailable());

/**
 * `memoryProbe`: each process preloads memoryProbe.mjs (with --expose-gc and an IPC channel), so
 * heapAfterGc() can ask it for its heap after a collection. `wrapper` runs each process under a
 * command (callgrind.ts runs them under valgrind, to count their instructions); `nodeArgs` are
 * given to node (V8 flags).
 */
export async function startBenchDeployment(options: { instances: number; documentIds: string[]; redis: boolean; env?: Record<string, string>; memoryProbe?: boolean; wrapper?: string[]; nodeArgs?: string[] }): Promise<BenchDeployment> {
  const run = randomBytes(5).toString('hex');
  const databaseUrl = baseDatabaseUrl();
  const schema = `bench_${run}`;
  const prefix = `accord-bench:${run}:`;
  const seedDir = writeSeedDir(options.documentIds, []);
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    ...(options.redis ? { REDIS_URL: `redis://${REDIS_HOST}:${REDIS_PORT}`, REDIS_PREFIX: prefix } : {}),
    SEED_DIR: seedDir,
    ADMIN_TOKEN,
    ...options.env,
  };
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  const spawn = async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const probe = options.memoryProbe ? { nodeArgs: ['--expose-gc', '--import', new URL('./memoryProbe.mjs', import.meta.url).href], ipc: true } : process.env.J_PROF ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${process.env.J_PROF}`] } : {};
    const nodeArgs = [...(options.nodeArgs ?? []), ...(probe.nodeArgs ?? [])];
    const server = await within(spawnServer({ ...env, DATA_DIR: dir }, { ...probe, nodeArgs, wrapper: options.wrapper }), 90_000, 'a server process to start');
    servers.push(server);
    return server;
  };
  const stop = async (server: ServerProcess) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return;
    server.child.kill('SIGTERM');
    await within(server.exited, 20_000, 'a server process to stop').catch(() => server.child.kill('SIGKILL'));
    await server.exited;
  };
  // The first creates the schema and imports the seed; the others start together on it.
  await spawn();
  await Promise.all(Array.from({ length: options.instances - 1 }, spawn));
  const url = servers[0]!.url;
  const admin = await signIn(url, ADMIN_TOKEN);
  for (const id of options.documentIds) {
    const res = await fetch(`${url}/api/documents/${id}/phase`, { method: 'POST', headers: { cookie: admin, origin: url, 'content-type': 'application/json' }, body: JSON.stringify({ phase: 'revision' }) });
    if (res.status !== 200) throw new Error(`phase of ${id}: ${res.status} ${await res.text()}`);
  }
  let made = 0;
  return {
    servers,
    databaseUrl,
    schema,
    admin,
    spawn,
    stop,
    async people(writers, readers) {
      const make = async (count: number, role: 'working-group' | 'participant') => {
        const cookies: string[] = [];
        for (let i = 0; i < count; i++) cookies.push(await personCookie(url, admin, role, `Scale ${role} ${run} ${++made}`));
        return cookies;
      };
      return { writers: await make(writers, 'working-group'), readers: await make(readers, 'participant') };
    },
    async close() {
      await Promise.all(servers.map(stop));
      for (const dir of [...dirs, seedDir]) rmSync(dir, { recursive: true, force: true });
      const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => sql.end());
      if (options.redis) {
        const redis = new Redis(REDIS_PORT, REDIS_HOST);
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
        await redis.quit();
      }
    },
  };
}

export const pidOf = (server: ServerProcess): number => server.child.pid!;

/** RSS (/proc) right after the process collected its garbage, and its heap used then (memoryProbe.mjs). */
export async function memoryAfterGc(server: ServerProcess): Promise<{ rss: number; heapUsed: number }> {
  const answer = new Promise<NodeJS.MemoryUsage>((resolve) => {
    const onMessage = (message: { memory?: NodeJS.MemoryUsage }) => {
      if (!message.memory) return;
      server.child.off('message', onMessage);
      resolve(message.memory);
    };
    server.child.on('message', onMessage);
  });
  server.child.send('memory?');
  const memory = await within(answer, 15_000, 'the memory probe to answer');
  return { rss: vmRss(pidOf(server)), heapUsed: memory.heapUsed };
}
