/**
 * Starting and stopping one Accord server: open the data, import the seed on first start, make sure
 * the Secretariat account exists, serve HTTP and the collaboration socket on one port. Tests call
 * startServer() with port 0; main.ts calls it for `npm start`.
 */
import { promises as fs } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Config } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import { lockDataDir } from './storage/dataDirLock.ts';
import { watchEventLoop } from './loopLag.ts';
import { openStores, type Stores } from './storage/stores.ts';
import { giveMissingRefs } from './threads/refs.ts';
import { createDocumentEvents } from './documents/events.ts';
import { createSessionService } from './people/sessions.ts';
import { ensureBootstrapAccount } from './people/people.ts';
import { backfillSignIns } from './people/signInBackfill.ts';
import { seedDocuments } from './documents/seed.ts';
import { createCollabServer } from './collab/collabServer.ts';
import { CLOSE_CODES } from '../shared/protocol.ts';
import { createApp } from './http/app.ts';
import { takeAutomaticVersion } from './versions/versions.ts';
import type { Services } from './http/context.ts';
import { openMailService } from './mail/mailService.ts';
import { openRedisBus, type RedisBus } from './scale/redisBus.ts';
import { createFanOut } from './scale/fanOut.ts';
import { sharedFailureLimit } from './scale/sharedFailureLimit.ts';
import { schedulerLease } from './scale/schedulerLease.ts';
import { FailureLimit } from './people/failureLimit.ts';

export interface RunningServer {
  url: string;
  port: number;
  /** The bootstrap Secretariat account's sign-in link, when its token is known. */
  signInUrl: string | null;
  services: Services;
  /** Every API route the app answers, for tests that must cover them all. */
  routes: Array<{ method: string; path: string }>;
  close(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  await fs.mkdir(config.dataDir, { recursive: true });
  // With PostgreSQL, several processes share the data and DATA_DIR holds only the outbox: no lock.
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    return await start(config, log, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

async function start(config: Config, log: Logger, unlock: () => void): Promise<RunningServer> {
  // Redis first: a deployment whose Redis does not answer is refused before it touches the database.
  const bus = config.redisUrl ? await openRedisBus(config.redisUrl, config.redisPrefix, log) : null;
  let stores: Stores;
  try {
    stores = await openStores(config, log);
  } catch (error) {
    await bus?.close().catch(() => {});
    throw error;
  }
  try {
    return await run(config, log, unlock, stores, bus);
  } catch (error) {
    await bus?.close().catch(() => {});
    await stores.close().catch(() => {});
    throw error;
  }
}

async function run(config: Config, log: Logger, unlock: () => void, stores: Stores, bus: RedisBus | null): Promise<RunningServer> {
  const { records, states, audit, threads } = stores;
  const versionStores = { versions: stores.versions, signoffs: stores.signoffs };
  const refsGiven = await giveMissingRefs(threads, records);
  if (refsGiven) log.info(`Gave references to ${refsGiven} comments stored before references existed`);
  const fanOut = bus ? createFanOut({ bus, states, records, events: createDocumentEvents(), log }) : null;
  const events = fanOut?.events ?? createDocumentEvents();
  const seeded = await seedDocuments(config.seedDir, records, states);
  if (seeded.length) log.info(`Imported ${seeded.length} seed drafts: ${seeded.map((d) => d.id).join(', ')}`);
  const bootstrap = await ensureBootstrapAccount(records, config.adminToken);
  const signInsRead = await backfillSignIns(records, audit);
  if (signInsRead) log.info(`Read the sign-in dates of ${signInsRead} people invited before they were recorded, from the audit log`);

  const sessions = createSessionService(records, config.sessionIdleMs);
  const localCollab = createCollabServer({
    records,
    sessions,
    states,
    log,
    publicUrl: config.publicUrl,
    heartbeatMs: config.heartbeatMs,
    roomGraceMs: config.roomGraceMs,
    storageRetryMs: config.storageRetryMs,
    sendBacklogLimitBytes: config.sendBacklogLimitBytes,
    roomLifecycle: fanOut?.rooms,
  });
  const collab = fanOut ? await fanOut.connect(localCollab, sessions) : localCollab;
  sessions.onEnded((personId) => collab.closePerson(personId, CLOSE_CODES.unauthenticated, 'Signed out'));
  // The server's own address is known once it listens; messages queued before that never need it.
  let baseUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  const mail = await openMailService({
    config,
    records,
    threads,
    signoffs: versionStores.signoffs,
    store: stores.mail,
    log,
    baseUrl: () => baseUrl,
    schedulerTurn: bus ? schedulerLease(bus, config.mail.tickMs, log) : undefined,
  });
  const signInWindow = { windowMs: 60_000, max: config.signInLimitPerMinute };
  const signInFailures = bus ? sharedFailureLimit(bus, signInWindow) : new FailureLimit(signInWindow);
  const services: Services = {
    config,
    records,
    sessions,
    collab,
    audit,
    threads,
    events,
    versions: versionStores.versions,
    signoffs: versionStores.signoffs,
    log,
    states,
    mail,
    notifier: mail.notifier,
    signInFailures,
  };
  // Seeded drafts start in consultation: their consultation draft is the first version.
  for (const document of seeded) await takeAutomaticVersion(services, document.id, { kind: 'opened' });
  const app = createApp(services);

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s as Server));
    s.once('error', reject);
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  // Node's 5 s keep-alive closes idle connections just as a busy client reuses them (ECONNRESET);
  // a longer one, as load balancers use, avoids that race.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  collab.attach(server);
  const port = (server.address() as AddressInfo).port;
  const url = config.publicUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  baseUrl = url;
  await mail.start();

  const loop = watchEventLoop(log);
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await collab.close();
      await mail.close();
      server.closeAllConnections();
      await stopped;
      await bus?.close();
      await stores.close();
      loop.stop();
      unlock();
    })();
    return closing;
  };

  const routes = app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map(({ method, path }) => ({ method, path }));
  return { url, port, routes, signInUrl: bootstrap.token ? `${url}/join/${bootstrap.token}` : null, services, close };
}
