/**
 * `npm start` builds the web app when the build is missing or older than its sources, so a fresh
 * checkout needs no separate build step.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
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
  // In a child process: Vite and its bundler would otherwise stay in the server's memory for as long
  // as it runs (hundreds of MB after a build). The child always gets NODE_ENV=production: Vite keeps
  // a NODE_ENV it finds (vitest sets "test"), and would then compile the JSX for React's development
  // runtime while bundling React for production, a blank page.
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', path.join(root, 'vite.config.ts'), '--mode', 'production', '--logLevel', 'warn'];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`building the web app failed (${signal ?? `exit code ${code}`})`))));
  });
  assertProductionBundle(path.join(root, 'client', 'dist'));
}

/** Refuses a bundle that calls React's development JSX runtime: it would render nothing at all. */
export function assertProductionBundle(clientDir: string): void {
  const assets = path.join(clientDir, 'assets');
  for (const name of readdirSync(assets)) {
    if (name.endsWith('.js') && readFileSync(path.join(assets, name), 'utf8').includes('jsxDEV')) {
      throw new Error(`client build ${name} uses React's development JSX runtime; it must be built with NODE_ENV=production`);
    }
  }
}
