import { describe, expect, it } from 'vitest';
import { UNCONFIRMED_MS, UnconfirmedUpdates } from '../../server/scale/unconfirmedUpdates.ts';

const update = (n: number) => Uint8Array.of(n);

describe('edits relayed before their sender stored them', () => {
  it('keeps each until its sender says it is stored, by sender and by document', () => {
    const kept = new UnconfirmedUpdates(() => 0);
    kept.received('d1', 'a', 1, 0, update(1));
    kept.received('d1', 'a', 2, 0, update(2));
    kept.received('d1', 'b', 7, 0, update(7));
    kept.received('d2', 'a', 3, 0, update(3));
    expect(kept.size).toBe(4);
    // "Stored up to 2" from a, on d1: a's edits of d1 up to 2, and nothing of b's or of d2.
    kept.stored('d1', 'a', 2);
    expect(kept.takeAll('d1')).toEqual([update(7)]);
    expect(kept.takeAll('d2')).toEqual([update(3)]);
    expect(kept.size).toBe(0);
  });

  it('reads the "stored up to" an edit carries, which may already cover it', () => {
    const kept = new UnconfirmedUpdates(() => 0);
    kept.received('d', 'a', 1, 0, update(1));
    kept.received('d', 'a', 2, 1, update(2));
    expect(kept.takeAll('d')).toEqual([update(2)]);
    kept.received('d', 'a', 3, 5, update(3));
    expect(kept.size).toBe(0);
  });

  it('gives back, once, what waited longer than UNCONFIRMED_MS', () => {
    let now = 1_000;
    const kept = new UnconfirmedUpdates(() => now);
    kept.received('d', 'a', 1, 0, update(1));
    now += 3_000;
    kept.received('d', 'a', 2, 0, update(2));
    now += UNCONFIRMED_MS - 3_000;
    expect([...kept.takeExpired()]).toEqual([['d', [update(1)]]]);
    expect(kept.takeExpired().size).toBe(0);
    now += 3_000;
    expect([...kept.takeExpired()]).toEqual([['d', [update(2)]]]);
    expect(kept.size).toBe(0);
  });

  it('forgets a document whose room left the process', () => {
    const kept = new UnconfirmedUpdates(() => 0);
    kept.received('d', 'a', 1, 0, update(1));
    kept.forget('d');
    expect(kept.takeAll('d')).toEqual([]);
  });
});
