/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`, as `npm run bench -- --outside --profile`
 * writes for our server) by self time: per cost the issue names (log append and fdatasync, rights
 * check, presence, encoding, Yjs, socket writes, GC…) and per function. Our server runs bundled
 * (server/dist/main.mjs); its frames are mapped back to their TypeScript files through the bundle's
 * source map, decoded here (base64 VLQ) so that no package is needed.
 * `node --import tsx tests/bench/profileSummary.ts FILE.cpuprofile [TOP]`
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line, [generated column, source index] pairs, in order. */
function decodeMappings(mappings: string): Array<Array<[number, number]>> {
  const lines: Array<Array<[number, number]>> = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments: Array<[number, number]> = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length > 1) source += values[1]!;
      segments.push([column, source]);
    }
    lines.push(segments);
  }
  return lines;
}

type Resolver = (url: string, line: number, column: number) => string;

function sourceResolver(): Resolver {
  const maps = new Map<string, { sources: string[]; lines: Array<Array<[number, number]>> } | null>();
  return (url, line, column) => {
    if (!url.startsWith('file://')) return url;
    const file = fileURLToPath(url);
    if (!maps.has(file)) {
      const mapFile = `${file}.map`;
      if (!existsSync(mapFile)) maps.set(file, null);
      else {
        const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
        maps.set(file, { sources: map.sources.map((s) => path.resolve(path.dirname(file), s)), lines: decodeMappings(map.mappings) });
      }
    }
    const map = maps.get(file);
    if (!map) return file;
    const segments = map.lines[line] ?? [];
    let found: number | undefined;
    for (const [generated, source] of segments) {
      if (generated > column) break;
      found = source;
    }
    return found === undefined ? file : (map.sources[found] ?? file);
  };
}

/** The cost a frame counts toward, by its source file and name. */
export function categoryOf(source: string, name: string): string {
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)') return 'idle';
  if (name === '(program)') return 'V8/native, unattributed';
  // The bench's probe starting and stopping the inspector's profiler (and serialising the profile).
  if (/memoryProbe\.mjs|^node:inspector/.test(source)) return PROFILER;
  if (/server\/storage\/(updateLog|logRecords|durableFile)\.ts/.test(source) || source.startsWith('node:fs') || source.includes('node:internal/fs')) return 'log append, fdatasync and other file writes';
  if (/server\/storage\//.test(source)) return 'records (people, sessions, members: read at connect)';
  if (/shared\/access\.ts|server\/http\/authorize\.ts|server\/people\//.test(source)) return 'rights check and sessions';
  if (/server\/collab\/(identity|roomPresence)\.ts|y-protocols\/awareness/.test(source)) return 'presence';
  if (/node_modules\/lib0\//.test(source)) return 'encoding and decoding (lib0)';
  if (/node_modules\/yjs\//.test(source)) return 'Yjs (apply, encode state)';
  if (/node_modules\/ws\/|server\/collab\/corking\.ts|node:net|stream_base_commons|node:internal\/streams|node:internal\/net/.test(source)) return 'socket writes and reads (ws, net)';
  if (/server\/collab\//.test(source)) return 'relay, rooms and connections (ours)';
  if (/node_modules\/(hono|@hono)\/|server\/http\/|node:_http|node:internal\/http|node:http/.test(source)) return 'HTTP';
  if (/node_modules\/zod\//.test(source)) return 'validation (zod)';
  if (source.startsWith('node:') || source === '') return 'Node internals and natives';
  if (/\/server\//.test(source)) return 'other server code';
  return 'other';
}

/** Samples of the profiler's own work: neither the server's busy time nor idle. */
const PROFILER = 'the profiler itself (not counted)';

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  /** Deliveries (updates × receivers) the profile covers, when the bench wrote them beside it. */
  deliveries?: number;
  categories: Array<{ name: string; ms: number }>;
  functions: Array<{ name: string; where: string; category: string; ms: number }>;
}

export function summarizeProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const resolve = sourceResolver();
  const categories = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; category: string; ms: number }>();
  let totalMs = 0;
  // A native frame (no url: writev, writeBuffer, fdatasync…) counts toward its caller's cost: the same
  // binding writes a socket or a file.
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const owner = (node: ProfileNode): ProfileNode => {
    let at = node;
    while (at.callFrame.url === '' && !at.callFrame.functionName.startsWith('(') && parentOf.has(at.id)) at = parentOf.get(at.id)!;
    return at;
  };
  const root = path.resolve(import.meta.dirname, '../..');
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (!ms) continue;
    totalMs += ms;
    const frame = node.callFrame;
    const source = resolve(frame.url, frame.lineNumber, frame.columnNumber);
    const caller = owner(node).callFrame;
    const category = categoryOf(frame.url === '' ? resolve(caller.url, caller.lineNumber, caller.columnNumber) : source, frame.url === '' ? caller.functionName : frame.functionName);
    categories.set(category, (categories.get(category) ?? 0) + ms);
    const where = source.startsWith(root) ? path.relative(root, source).replace(/^node_modules\//, '') : source;
    const key = `${frame.functionName}@${where}`;
    const entry = functions.get(key) ?? { name: frame.functionName || '(anonymous)', where, category, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  const idle = categories.get('idle') ?? 0;
  const sidecar = `${file}.json`;
  return {
    totalMs,
    busyMs: totalMs - idle - (categories.get(PROFILER) ?? 0),
    deliveries: existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as { deliveries: number }).deliveries : undefined,
    categories: [...categories].map(([name, ms]) => ({ name, ms })).toSorted((a, b) => b.ms - a.ms),
    functions: [...functions.values()].toSorted((a, b) => b.ms - a.ms),
  };
}

export function formatSummary(summary: ProfileSummary, top = 25): string {
  const pct = (ms: number) => `${((ms / summary.busyMs) * 100).toFixed(1)} %`;
  const { deliveries } = summary;
  // Per delivered update: a cost's self time divided by the deliveries in the window (warm-up included).
  const per = (ms: number) => (deliveries ? ` ${((ms * 1000) / deliveries).toFixed(2)} |` : '');
  const perHead = deliveries ? ' µs per delivery |' : '';
  const perRule = deliveries ? ' ---: |' : '';
  const lines = [
    `${summary.totalMs.toFixed(0)} ms sampled, ${summary.busyMs.toFixed(0)} ms busy (not idle, not the profiler); shares are of the busy time${deliveries ? `; ${deliveries} deliveries, ${((summary.busyMs * 1000) / deliveries).toFixed(1)} µs busy per delivery` : ''}.`,
    '',
    `| cost | self ms | share |${perHead}`,
    `| --- | ---: | ---: |${perRule}`,
  ];
  for (const c of summary.categories) if (c.name !== 'idle') lines.push(`| ${c.name} | ${c.ms.toFixed(0)} | ${c.name === PROFILER ? '–' : pct(c.ms)} |${per(c.ms)}`);
  lines.push('', `| function | where | cost | self ms | share |${perHead}`, `| --- | --- | --- | ---: | ---: |${perRule}`);
  const shown = summary.functions.filter((entry) => entry.category !== 'idle' && entry.category !== PROFILER).slice(0, top);
  for (const f of shown) lines.push(`| ${f.name} | ${f.where} | ${f.category} | ${f.ms.toFixed(0)} | ${pct(f.ms)} |${per(f.ms)}`);
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profileSummary.ts FILE.cpuprofile [TOP]');
  console.log(formatSummary(summarizeProfile(file), Number(process.argv[3] ?? 25)));
}
