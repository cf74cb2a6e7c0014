/**
 * `npm start` builds the web app when the build is missing or older than its sources, so a fresh
 * checkout needs no separate build step.
 */
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
  const { build } = await import('vite');
  // Always React's production build. Vite leaves NODE_ENV alone when it is already set, and under
  // vitest it is "test": the JSX would then be compiled for the development runtime (jsxDEV) while
  // React itself is bundled for production, and the page would stay blank. So set it for the build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    // The config names client/ as its root; passing `root` here would override it.
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
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
