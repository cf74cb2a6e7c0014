/**
 * Highlights of commented words, drawn as ProseMirror decorations: nothing is ever written into the
 * text, so they work on read-only editors and never reach the shared document. Each thread's range
 * is read from its Yjs relative positions through y-tiptap, again whenever the document or the
 * threads change. Overlapping threads get one nested <mark> each (their tints add up), and a click
 * opens the shortest thread under the pointer. Where commented words begin, a screen reader hears
 * what they are ("commented text, 2 comments"): an empty widget whose words are CSS generated content
 * (text-marks.css), so they are neither in the text nor in its copy, nor visible.
 */
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Anchor } from '../../shared/api.ts';
import { t } from '../i18n/intl.ts';
import { resolveAnchor, syncStateOf } from './anchors.ts';
import type { ReviewBridge } from './reviewBridge.ts';
import { appliedMarkPlugin } from './appliedMark.ts';

export interface HighlightThread {
  id: string;
  anchor: Anchor;
  /** `draft` marks the words of a comment being written, which has no thread yet. */
  state: 'open' | 'answered' | 'draft';
}

export interface HighlightRange {
  from: number;
  to: number;
  quote: string;
}

interface HighlightState {
  threads: readonly HighlightThread[];
  activeId: string | null;
  hoverId: string | null;
  ranges: ReadonlyMap<string, HighlightRange>;
  decorations: DecorationSet;
  /** A local edit moved the text before Yjs had it: the ranges are mapped, and re-read once Yjs has it. */
  stale: boolean;
}

type HighlightMeta = Partial<Pick<HighlightState, 'threads' | 'activeId' | 'hoverId'>> & { recompute?: true };

export const highlightKey = new PluginKey<HighlightState>('threadHighlights');

const EMPTY_RANGES: ReadonlyMap<string, HighlightRange> = new Map();

/** Resolves every thread's anchor; keeps the previous entry object when nothing moved, so React can skip it. */
function resolveRanges(state: EditorState, threads: readonly HighlightThread[], previous: ReadonlyMap<string, HighlightRange>) {
  const sync = syncStateOf(state);
  if (!sync) return previous;
  const ranges = new Map<string, HighlightRange>();
  const size = state.doc.content.size;
  for (const thread of threads) {
    const range = resolveAnchor(sync, thread.anchor);
    if (!range || range.to > size) continue;
    const quote = state.doc.textBetween(range.from, range.to, '\n');
    if (!quote.trim()) continue;
    const before = previous.get(thread.id);
    ranges.set(thread.id, before && before.from === range.from && before.to === range.to && before.quote === quote ? before : { ...range, quote });
  }
  return ranges;
}

function decorate(state: EditorState, plugin: Omit<HighlightState, 'decorations' | 'stale'>): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of plugin.threads) {
    const range = plugin.ranges.get(thread.id);
    if (!range) continue;
    let className = `thread-mark thread-mark--${thread.state}`;
    if (thread.id === plugin.activeId) className += ' thread-mark--active';
    if (thread.id === plugin.hoverId) className += ' thread-mark--hover';
    // nodeName gives each thread its own element, so overlapping threads nest instead of merging.
    const attrs: Record<string, string> = { nodeName: 'mark', class: className };
    if (thread.state !== 'draft') attrs['data-thread-id'] = thread.id;
    decorations.push(Decoration.inline(range.from, range.to, attrs));
  }
  decorations.push(...spokenNames(plugin));
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Where ranges begin, and how many ranges cover each such place, in order. One sweep over the
 * sorted starts and ends: a thousand threads compared pairwise would be a million comparisons.
 */
export function coverAtStarts(ranges: ReadonlyArray<{ from: number; to: number }>): Array<{ from: number; count: number }> {
  const starts = ranges.map((range) => range.from).toSorted((a, b) => a - b);
  const ends = ranges.map((range) => range.to).toSorted((a, b) => a - b);
  const places: Array<{ from: number; count: number }> = [];
  let opened = 0;
  let closed = 0;
  while (opened < starts.length) {
    const from = starts[opened]!;
    while (opened < starts.length && starts[opened] === from) opened++;
    // Ranges are never empty: one that ends at `from` or before began before it and is over.
    while (closed < ends.length && ends[closed]! <= from) closed++;
    places.push({ from, count: opened - closed });
  }
  return places;
}

/** One name where commented words begin, counting the comments on the words there; one message per count. */
function spokenNames(plugin: Omit<HighlightState, 'decorations' | 'stale'>): Decoration[] {
  const commented = plugin.threads.flatMap((thread) => {
    const range = thread.state === 'draft' ? undefined : plugin.ranges.get(thread.id);
    return range ? [range] : [];
  });
  const names = new Map<number, string>();
  return coverAtStarts(commented).map(({ from, count }) => {
    let name = names.get(count);
    if (name === undefined) {
      name = t('threads.highlight', { count });
      names.set(count, name);
    }
    const spoken = name;
    return Decoration.widget(
      from,
      () => {
        const element = document.createElement('span');
        element.className = 'thread-mark-name';
        element.dataset.name = spoken;
        return element;
      },
      { side: -1, ignoreSelection: true, key: `name:${from}:${spoken}` },
    );
  });
}

function apply(tr: Transaction, previous: HighlightState, newState: EditorState): HighlightState {
  const meta = tr.getMeta(highlightKey) as HighlightMeta | undefined;
  const { recompute, ...change } = meta ?? {};
  const next = { ...previous, ...change };
  const fromYjs = tr.getMeta(ySyncPluginKey) !== undefined;
  if (change.threads || recompute || (tr.docChanged && fromYjs)) {
    // Remote changes arrive with the Yjs mapping already updated: resolve against it.
    const ranges = resolveRanges(newState, next.threads, next.ranges);
    return { ...next, ranges, decorations: decorate(newState, { ...next, ranges }), stale: false };
  }
  if (tr.docChanged) {
    // Our own edit reaches Yjs only after this transaction; until then, follow the edit's mapping.
    const ranges = new Map<string, HighlightRange>();
    for (const [id, range] of next.ranges) {
      const from = tr.mapping.map(range.from, 1);
      const to = tr.mapping.map(range.to, -1);
      if (to > from) ranges.set(id, { from, to, quote: newState.doc.textBetween(from, to, '\n') });
    }
    return { ...next, ranges, decorations: decorate(newState, { ...next, ranges }), stale: true };
  }
  if (meta && (next.activeId !== previous.activeId || next.hoverId !== previous.hoverId)) {
    return { ...next, decorations: decorate(newState, next) };
  }
  return meta ? next : previous;
}

/** The threads whose highlights contain the event's target, innermost first. */
function threadsAt(view: EditorView, target: EventTarget | null): string[] {
  const ids: string[] = [];
  let node = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  while (node && node !== view.dom) {
    const id = node instanceof HTMLElement ? node.dataset.threadId : undefined;
    if (id) ids.push(id);
    node = node.parentElement;
  }
  return ids;
}

function shortest(view: EditorView, ids: string[]): string | null {
  const ranges = highlightKey.getState(view.state)?.ranges ?? EMPTY_RANGES;
  let best: string | null = null;
  let bestLength = Infinity;
  for (const id of ids) {
    const range = ranges.get(id);
    const length = range ? range.to - range.from : Infinity;
    if (best === null || length < bestLength) {
      best = id;
      bestLength = length;
    }
  }
  return best;
}

export function highlightPlugin(bridge: ReviewBridge): Plugin<HighlightState> {
  let hovered: string | null = null;
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: (_, state) => ({ threads: [], activeId: null, hoverId: null, ranges: EMPTY_RANGES, decorations: DecorationSet.create(state.doc, []), stale: false }),
      apply: (tr, previous, _oldState, newState) => apply(tr, previous, newState),
    },
    props: {
      decorations: (state) => highlightKey.getState(state)?.decorations,
      handleDOMEvents: {
        click: (view, event) => {
          // A click that ends a drag-selection is about the words, not the highlight under it.
          if (event.button !== 0 || !(view.dom.ownerDocument.getSelection()?.isCollapsed ?? true)) return false;
          const id = shortest(view, threadsAt(view, event.target));
          if (id) bridge.openThread(id);
          return false;
        },
        mouseover: (view, event) => {
          const id = shortest(view, threadsAt(view, event.target));
          if (id !== hovered) bridge.hoverThread((hovered = id));
          return false;
        },
        mouseleave: () => {
          if (hovered !== null) bridge.hoverThread((hovered = null));
          return false;
        },
      },
    },
    view: () => ({
      update(view) {
        if (!highlightKey.getState(view.state)?.stale) return;
        // By now y-tiptap's own view update has written the edit to Yjs: read the anchors again.
        queueMicrotask(() => {
          if (!view.isDestroyed && highlightKey.getState(view.state)?.stale) view.dispatch(view.state.tr.setMeta(highlightKey, { recompute: true }).setMeta('addToHistory', false));
        });
      },
    }),
  });
}

export const ThreadHighlights = Extension.create<{ bridge: ReviewBridge | null }>({
  name: 'threadHighlights',
  addOptions: () => ({ bridge: null }),
  addProseMirrorPlugins() {
    return this.options.bridge ? [highlightPlugin(this.options.bridge), appliedMarkPlugin()] : [];
  },
});

/** Tells the editor which threads to highlight, and which one is open or pointed at. */
export function setHighlights(editor: Editor, meta: Omit<HighlightMeta, 'recompute'>): void {
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(highlightKey, meta).setMeta('addToHistory', false));
}
