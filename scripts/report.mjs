// `npm run report`. Plain JavaScript, so that Node runs it as it is: it compiles the CLI
// (scripts/report.ts) and the render worker with esbuild into scripts/dist when that is missing or
// older than its sources, then runs it in this same process. Loading the TypeScript sources through
// tsx took the CLI 1.5–2 s of CPU before it did anything; compiled, `--help` answers in a fraction
// of that (docs/REPORT.md). The same approach as server/start.mjs, in a folder of its own so that
// the CLI and a server building at the same moment never write each other's files.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const scriptsDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(scriptsDir);
const outDir = path.join(scriptsDir, 'dist');
const entry = path.join(outDir, 'report.mjs');

function newestMtime(entryPath) {
  if (!existsSync(entryPath)) return 0;
  const stat = statSync(entryPath);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entryPath)) {
    if (name === 'dist' || name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(entryPath, name)));
  }
  return newest;
}

function isStale() {
  if (!existsSync(entry)) return true;
  const sources = [path.join(root, 'server'), path.join(root, 'shared'), path.join(scriptsDir, 'report.ts'), path.join(root, 'package.json')];
  return Math.max(...sources.map(newestMtime)) > statSync(entry).mtimeMs;
}

async function buildCli() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: { report: path.join(scriptsDir, 'report.ts'), renderWorker: path.join(root, 'server', 'report', 'renderWorker.ts') },
    outdir: outDir,
    bundle: true,
    // Lazy imports stay lazy: a CSV does not load Word's or the PDF's libraries.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
  });
  // Written beside the final names and renamed into place, report.mjs last: two runs building at
  // once, or a run stopped mid-build, never leave half a CLI.
  mkdirSync(outDir, { recursive: true });
  const files = result.outputFiles.toSorted((a, b) => Number(a.path === entry) - Number(b.path === entry));
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

if (isStale()) await buildCli();
await import(pathToFileURL(entry).href);
