/**
 * A fixed-bucket latency histogram, so that millions of per-receiver deliveries can be counted in
 * each client process and merged in the bench process exactly, without shipping every sample.
 * Buckets: 0.1 ms up to 100 ms, 1 ms up to 10 s, 100 ms up to 100 s, then one overflow bucket.
 */
import type { LatencySummary } from './helpers.ts';

const FINE = 1000; // 0.1 ms buckets below 100 ms
const MEDIUM = 9900; // 1 ms buckets from 100 ms to 10 s
const COARSE = 900; // 100 ms buckets from 10 s to 100 s
export const BUCKETS = FINE + MEDIUM + COARSE + 1;

export function bucketOf(ms: number): number {
  if (ms < 100) return Math.max(0, Math.floor(ms * 10));
  if (ms < 10_000) return FINE + Math.floor(ms - 100);
  if (ms < 100_000) return FINE + MEDIUM + Math.floor((ms - 10_000) / 100);
  return BUCKETS - 1;
}

/** The upper edge of a bucket, in ms: a percentile read from it is never flattering. */
export function upperEdge(bucket: number): number {
  if (bucket < FINE) return (bucket + 1) / 10;
  if (bucket < FINE + MEDIUM) return 100 + (bucket - FINE) + 1;
  if (bucket < BUCKETS - 1) return 10_000 + (bucket - FINE - MEDIUM + 1) * 100;
  return Number.POSITIVE_INFINITY;
}

export function newHistogram(): number[] {
  return Array.from({ length: BUCKETS }, () => 0);
}

export function mergeInto(into: number[], from: number[]): void {
  from.forEach((count, i) => (into[i] = (into[i] ?? 0) + count));
}

export function summarizeHistogram(counts: number[]): LatencySummary {
  const count = counts.reduce((sum, c) => sum + c, 0);
  const at = (p: number) => {
    if (count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * count));
    let seen = 0;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i]!;
      if (seen >= rank) return upperEdge(i);
    }
    return Number.NaN;
  };
  let last = counts.length - 1;
  while (last >= 0 && counts[last] === 0) last--;
  return { count, p50: at(50), p95: at(95), p99: at(99), max: last < 0 ? Number.NaN : upperEdge(last) };
}
