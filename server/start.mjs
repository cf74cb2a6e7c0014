// `npm start`. Plain JavaScript, so that Node runs it as it is: it compiles the TypeScript server
// with esbuild into server/dist when that is missing or older than its sources, then runs it in this
// same process. Running compiled JavaScript instead of loading the sources through tsx saves about
// 55 MB of resident memory (tsx's loader keeps its own thread and heap for the life of the process);
// see docs/benchmarks.md, scenario (f). Tests and the command-line scripts still run the sources.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const serverDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(serverDir);
const outDir = path.join(serverDir, 'dist');
const entry = path.join(outDir, 'main.mjs');

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
  const sources = Math.max(...[serverDir, path.join(root, 'shared'), path.join(root, 'package.json')].map(newestMtime));
  return sources > statSync(entry).mtimeMs;
}

async function buildServer() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: {
      main: path.join(serverDir, 'main.ts'),
      renderWorker: path.join(serverDir, 'report', 'renderWorker.ts'),
      importWorker: path.join(serverDir, 'documents', 'import', 'importWorker.ts'),
    },
    outdir: outDir,
    bundle: true,
    // Code splitting keeps lazy imports lazy: docx and pdfkit load only with the first Word or PDF.
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
  // Every file is written beside its final name and renamed into place, main.mjs last: a second
  // process building at the same moment, or a crash mid-build, never leaves a half-written server.
  mkdirSync(outDir, { recursive: true });
  const files = result.outputFiles.toSorted((a, b) => Number(a.path === entry) - Number(b.path === entry));
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

if (isStale()) await buildServer();
await import(pathToFileURL(entry).href);
