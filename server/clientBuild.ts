/**
 * `npm start` builds the web app when the build is missing or older than its sources, so a fresh
 * checkout needs no separate build step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (name === 'dist' || name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

export function clientBuildIsStale(root: string, clientDir: string): boolean {
  const built = path.join(clientDir, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['client', 'shared', 'vite.config.ts', 'package.json'].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > statSync(built).mtimeMs;
}

export async function buildClient(root: string): Promise<void> {
  const { build } = await import('vite');
  // The config names client/ as its root; passing `root` here would override it.
  // Always React's production build: under vitest NODE_ENV is "test", which would otherwise ship
  // the development build that `npm start` then serves as if it were current.
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production', define: { 'process.env.NODE_ENV': '"production"' } });
}
