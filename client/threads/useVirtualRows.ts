/**
 * Renders only the rows of a long list that are in (or near) view, so a thousand comments cost the
 * same as twenty. Rows have any height: each rendered row is measured (ResizeObserver) and the
 * rest are estimated; rows sit at absolute offsets inside a box as tall as the whole list. When a
 * row above the view changes height, the scroll position is corrected so nothing jumps.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';

interface VirtualOptions {
  keys: readonly string[];
  estimate: (key: string) => number;
  scroller: RefObject<HTMLElement | null>;
  list: RefObject<HTMLElement | null>;
  /** Extra pixels rendered above and below the view. */
  overscan?: number;
}

export interface VirtualRows {
  /** Indexes to render, in order. */
  indexes: number[];
  offsets: number[];
  total: number;
  /** Ref callback for a rendered row (its element must carry data-key). */
  measure: (element: HTMLElement | null) => void;
  /** Scrolls so the row is in view ('nearest') or at the top ('start'). */
  scrollTo: (index: number, align?: 'start' | 'nearest') => void;
}

export function useVirtualRows({ keys, estimate, scroller, list, overscan = 800 }: VirtualOptions, alwaysRender: number | null): VirtualRows {
  const heights = useRef(new Map<string, number>());
  const [version, setVersion] = useState(0);
  const [view, setView] = useState({ top: 0, height: 1200 });
  const offsetsRef = useRef<number[]>([]);

  const { offsets, total } = useMemo(() => {
    const result: number[] = [];
    let y = 0;
    for (let i = 0; i < keys.length; i++) {
      result.push(y);
      const key = keys[i]!;
      y += heights.current.get(key) ?? estimate(key);
    }
    return { offsets: result, total: y };
    // `version` stands for the measured heights, which live in a ref.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [keys, estimate, version]);
  offsetsRef.current = offsets;

  /** Where the list starts inside the scrolling box (a composer or filters may sit above it). */
  const listTop = useCallback(() => {
    const box = scroller.current;
    const inner = list.current;
    if (!box || !inner) return 0;
    return inner.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  }, [scroller, list]);

  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView({ top: box.scrollTop - listTop(), height: box.clientHeight });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    box.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(box);
    return () => {
      cancelAnimationFrame(frame);
      box.removeEventListener('scroll', schedule);
      resize.disconnect();
    };
  }, [scroller, listTop]);

  const estimateRef = useRef(estimate);
  estimateRef.current = estimate;
  const listTopRef = useRef(listTop);
  listTopRef.current = listTop;
  const pending = useRef(0);

  // One observer for the life of the list, made before any row asks to be measured (row refs are
  // attached before this component's effects run).
  const [observer] = useState(
    () =>
      new ResizeObserver((entries) => {
        const box = scroller.current;
        let shift = 0;
        let changed = false;
        for (const entry of entries) {
          const element = entry.target as HTMLElement;
          const key = element.dataset.key;
          if (!key || !element.isConnected) continue;
          const height = element.offsetHeight;
          const before = heights.current.get(key) ?? estimateRef.current(key);
          if (height === before) continue;
          heights.current.set(key, height);
          changed = true;
          const index = Number(element.dataset.index);
          // A row above the view grew or shrank: move the view with it.
          if (box && (offsetsRef.current[index] ?? 0) + before <= box.scrollTop - listTopRef.current()) shift += height - before;
        }
        if (shift && box) box.scrollTop += shift;
        if (changed && !pending.current) {
          pending.current = requestAnimationFrame(() => {
            pending.current = 0;
            setVersion((v) => v + 1);
          });
        }
      }),
  );

  useEffect(
    () => () => {
      cancelAnimationFrame(pending.current);
      observer.disconnect();
    },
    [observer],
  );

  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (element) observer.observe(element);
    },
    [observer],
  );

  const indexes = useMemo(() => {
    const from = view.top - overscan;
    const to = view.top + view.height + overscan;
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const key = keys[mid]!;
      if (offsets[mid]! + (heights.current.get(key) ?? estimate(key)) < from) low = mid + 1;
      else high = mid;
    }
    const result: number[] = [];
    for (let i = low; i < offsets.length && offsets[i]! <= to; i++) result.push(i);
    if (alwaysRender !== null && alwaysRender >= 0 && alwaysRender < keys.length && !result.includes(alwaysRender)) {
      result.push(alwaysRender);
      result.sort((a, b) => a - b);
    }
    return result;
  }, [view, offsets, keys, estimate, overscan, alwaysRender]);

  const scrollTo = useCallback(
    (index: number, align: 'start' | 'nearest' = 'nearest') => {
      const box = scroller.current;
      const key = keys[index];
      if (!box || key === undefined) return;
      const top = listTop() + (offsetsRef.current[index] ?? 0);
      const height = heights.current.get(key) ?? estimate(key);
      const margin = 12;
      if (align === 'start' || top < box.scrollTop + margin) box.scrollTop = top - margin;
      else if (top + height > box.scrollTop + box.clientHeight - margin) box.scrollTop = Math.min(top - margin, top + height - box.clientHeight + margin);
    },
    [keys, estimate, scroller, listTop],
  );

  return { indexes, offsets, total, measure, scrollTo };
}
