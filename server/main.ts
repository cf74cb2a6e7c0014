/**
 * `npm start`: configuration from the environment, the web app built if needed, one server, and a
 * clean stop on SIGTERM or SIGINT (everything written, exit 0 within 5 s).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, parseConfig } from './config.ts';
import { CorruptDataError } from './storage/errors.ts';
import { DataDirLocked } from './storage/dataDirLock.ts';
import { buildClient, clientBuildIsStale } from './clientBuild.ts';
import { startServer } from './server.ts';
import { rendererIdle } from './report/offThread.ts';
import { RedisUnavailable } from './scale/redisBus.ts';

const SHUTDOWN_LIMIT_MS = 4500;

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const root = process.cwd();
  if (config.clientDir === path.join(root, 'client', 'dist') && clientBuildIsStale(root, config.clientDir)) {
    console.error('[accord] Building the web app…');
    await buildClient(root);
  }
  const server = await startServer(config);
  // Pages that lead to downloads warm the render worker; it stays while downloads go on.
  rendererIdle(15 * 60_000);
  const linkFile = path.join(config.dataDir, 'secretariat-sign-in.txt');
  const lines: string[] = [];
  if (server.signInUrl) {
    if (!config.adminToken) writeFileSync(linkFile, `${server.signInUrl}\n`, { mode: 0o600 });
    lines.push(`Secretariat sign-in link: ${server.signInUrl}`);
  } else if (existsSync(linkFile)) {
    lines.push(`Secretariat sign-in link: see ${linkFile}`);
  }
  // One write, so whoever reads "running" has the link too.
  console.log([...lines, `Accord is running at ${server.url}`].join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`[accord] ${signal}: saving and stopping`);
    const timer = setTimeout(() => {
      console.error('[accord] Could not stop cleanly in time');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    server.close().then(
      () => {
        clearTimeout(timer);
        process.exit(0);
      },
      (error) => {
        console.error('[accord] Error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof CorruptDataError || error instanceof DataDirLocked || error instanceof RedisUnavailable) console.error(`[accord] ${error.message}`);
  else console.error('[accord] Could not start', error);
  process.exit(1);
});
