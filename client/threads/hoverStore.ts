/**
 * Which thread the pointer (or the keyboard focus in the panel) is on. Hover changes many times a
 * second, so it lives outside React state: only the two cards involved re-render.
 */
import { useCallback, useSyncExternalStore } from 'react';

export class HoverStore {
  private current: string | null = null;
  private readonly listeners = new Set<() => void>();

  get = () => this.current;

  set(id: string | null): void {
    if (id === this.current) return;
    this.current = id;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useIsHovered(store: HoverStore, id: string): boolean {
  const get = useCallback(() => store.get() === id, [store, id]);
  return useSyncExternalStore(store.subscribe, get);
}

export function useHoveredId(store: HoverStore): string | null {
  return useSyncExternalStore(store.subscribe, store.get);
}
