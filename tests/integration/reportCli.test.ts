/** `npm run report`: the same report from the stored data, without the server; clear refusals. */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEED_IDS, onPostgres, startTestServer, type TestServer } from '../helpers/testServer.ts';

const DOC: string = SEED_IDS[1];
let t: TestServer;

async function cli(args: string[], dataDir = t.dataDir): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  if (onPostgres()) return;
  t = await startTestServer();
  const sections = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.sections;
  const gov = await t.person({ role: 'participant', name: 'Jan de Vries', country: 'NL', stakeholder: 'government' });
  const cso = await t.person({ role: 'participant', name: 'Ana Lima', country: 'BR', stakeholder: 'civil-society' });
  for (const [person, section] of [[gov, 1], [cso, 1], [cso, 3]] as const) {
    const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: person.cookie, body: { sectionId: sections[section].id, kind: 'general', body: `From ${person.person.name}, "quoted", é` } });
    if (res.status !== 201) throw new Error(`thread refused: ${JSON.stringify(res.body)}`);
  }
});
afterAll(() => t?.close());

const withoutTime = (report: { generatedAt?: string }) => ({ ...report, generatedAt: undefined });

describe.skipIf(onPostgres())('npm run report', () => {
  it('builds the same report as the API from the data on disk, with the same options', async () => {
    const api = (await t.api('GET', `/api/documents/${DOC}/report?stakeholders=civil-society&anonymous=true&replies=false`, { cookie: t.adminCookie })).body;
    const run = await cli(['--document', DOC, '--format', 'json', '--out', '-', '--stakeholders', 'civil-society', '--anonymous', '--no-replies']);
    expect(run.code, run.stderr).toBe(0);
    expect(withoutTime(JSON.parse(run.stdout))).toEqual(withoutTime(api));
    expect(api.summary.threads).toBe(2);
  }, 60_000);

  it('writes a file in the format asked for', async () => {
    const out = path.join(t.dataDir, 'out.docx');
    const run = await cli(['--document', DOC, '--format', 'docx', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('3 comments');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    rmSync(out);
  }, 60_000);

  it('writes the file in French with --lang fr', async () => {
    const run = await cli(['--document', DOC, '--format', 'md', '--out', '-', '--lang', 'fr']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('**Compilation des observations et suite donnée**');
    expect(run.stdout).toContain('## Synthèse');
    const english = await cli(['--document', DOC, '--format', 'md', '--out', '-']);
    expect(english.stdout).toContain('**Disposition of comments**');
  }, 60_000);

  it('refuses bad arguments and unknown documents with exit code 1 and a clear message', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /--document is required/],
      [['--document', DOC, '--format', 'xls'], /--format: format must be one of/],
      [['--document', DOC, '--statuses', 'maybe'], /--statuses: statuses must be among/],
      [['--document', DOC, '--lang', 'de'], /--lang: lang must be one of en, fr/],
      [['--document', DOC, '--colour', 'red'], /Unknown option '--colour'/],
      [['--document', 'no-such-doc'], /No document "no-such-doc".*Documents: /],
    ];
    const runs = await Promise.all(cases.map(([args]) => cli(args)));
    runs.forEach((run, i) => {
      expect(run.code, cases[i]![0].join(' ')).toBe(1);
      expect(run.stderr).toMatch(cases[i]![1]);
    });
    const empty = await cli(['--document', DOC], path.join(t.dataDir, 'nothing-here'));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/No Accord data in/);
    expect(existsSync(path.join(t.dataDir, 'nothing-here'))).toBe(false);
  }, 60_000);
});

describe.skipIf(onPostgres())('npm run report, as npm runs it (compiled: scripts/report.mjs)', () => {
  it('makes the same CSV as the sources do', async () => {
    const compiled = await promisify(execFile)(process.execPath, ['scripts/report.mjs', '--document', DOC, '--format', 'csv', '--out', '-'], { cwd: ROOT, env: { ...process.env, DATA_DIR: t.dataDir } });
    const sources = await cli(['--document', DOC, '--format', 'csv', '--out', '-']);
    expect(sources.code, sources.stderr).toBe(0);
    expect(compiled.stdout).toBe(sources.stdout);
    expect(compiled.stdout.split('\r\n')[0]).toMatch(/^\uFEFFref,section,title,/);
  }, 120_000);

  it('stops quietly with exit code 0 when the reader of its output goes away (| head)', async () => {
    const child = spawn(process.execPath, ['scripts/report.mjs', '--document', DOC, '--format', 'json', '--out', '-'], { cwd: ROOT, env: { ...process.env, DATA_DIR: t.dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    // The reading end is closed before anything is written: every write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  it('stops quietly with exit code 0 when `| head -1` closes the pipe in the middle of a file', async () => {
    // A report larger than a pipe holds (64 KiB), so the writer meets the closed pipe part way.
    const other = SEED_IDS[0];
    const sections = (await t.api('GET', `/api/documents/${other}`, { cookie: t.adminCookie })).body.sections as Array<{ id: string }>;
    const long = 'A long comment on the whole section, to make the report large. '.repeat(40);
    for (let i = 0; i < 40; i++) {
      const res = await t.api('POST', `/api/documents/${other}/threads`, { cookie: t.adminCookie, body: { sectionId: sections[i % sections.length]!.id, kind: 'general', body: `${i}: ${long}` } });
      expect(res.status).toBe(201);
    }
    const script = 'node scripts/report.mjs --document "$DOC" --format json --out - | head -1; echo "exit ${PIPESTATUS[0]}" >&2';
    const { stdout, stderr } = await promisify(execFile)('bash', ['-c', script], { cwd: ROOT, env: { ...process.env, DATA_DIR: t.dataDir, DOC: other } });
    expect(stdout).toBe('{\n');
    expect(stderr).toBe('exit 0\n');
  }, 120_000);
});
