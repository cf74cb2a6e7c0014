/**
 * A small "comment on this section" button at the end of every section heading, for pointer users
 * (keyboard and screen-reader users have the same action in the comments panel, so these buttons
 * stay out of the tab order and the accessibility tree). Widgets are decorations: the text is untouched.
 */
import { t } from '../i18n/intl.ts';
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { SECTION_NODE } from '../../shared/schema.ts';
import type { ReviewBridge } from './reviewBridge.ts';

interface ButtonsState {
  enabled: boolean;
  decorations: DecorationSet;
}

export const sectionButtonsKey = new PluginKey<ButtonsState>('sectionCommentButtons');

const ICON =
  '<svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false"><path d="M4 4h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H9l-4 3v-3H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/><path d="M10 6.5v4M8 8.5h4" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>';

let icon: Element | null = null;

/** The icon, parsed once and copied for every section rather than parsed again for each. */
function iconCopy(): Node {
  if (!icon) {
    const template = document.createElement('template');
    // A fixed SVG of our own: never user text.
    template.innerHTML = ICON;
    icon = template.content.firstElementChild;
  }
  return icon ? icon.cloneNode(true) : document.createTextNode('');
}

function button(bridge: ReviewBridge, sectionId: string, title: string): HTMLElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'section-comment-button';
  element.contentEditable = 'false';
  element.tabIndex = -1;
  element.setAttribute('aria-hidden', 'true');
  // Its tooltip is written when a pointer first comes near it: formatting one message per section
  // while the page opens held back the comments' highlights, and only a pointer ever shows it.
  element.addEventListener('pointerenter', () => (element.title ||= t('threads.commentOnWholeSection', { title })));
  element.append(iconCopy());
  element.addEventListener('mousedown', (event) => event.preventDefault());
  element.addEventListener('click', (event) => {
    event.preventDefault();
    bridge.commentOnSection(sectionId);
  });
  return element;
}

function build(state: EditorState, enabled: boolean, bridge: ReviewBridge): DecorationSet {
  if (!enabled) return DecorationSet.empty;
  const widgets: Decoration[] = [];
  state.doc.forEach((node, offset) => {
    const id: unknown = node.attrs.id;
    if (node.type.name !== SECTION_NODE || typeof id !== 'string' || !id) return;
    const title = node.textContent.trim();
    widgets.push(
      Decoration.widget(offset + node.nodeSize - 1, () => button(bridge, id, title), { side: 1, ignoreSelection: true, key: `section-comment-${id}-${title}` }),
    );
  });
  return DecorationSet.create(state.doc, widgets);
}

export const SectionCommentButtons = Extension.create<{ bridge: ReviewBridge | null }>({
  name: 'sectionCommentButtons',
  addOptions: () => ({ bridge: null }),
  addProseMirrorPlugins() {
    const bridge = this.options.bridge;
    if (!bridge) return [];
    return [
      new Plugin<ButtonsState>({
        key: sectionButtonsKey,
        state: {
          init: () => ({ enabled: false, decorations: DecorationSet.empty }),
          apply: (tr, previous, _old, state) => {
            const enabled = (tr.getMeta(sectionButtonsKey) as boolean | undefined) ?? previous.enabled;
            if (enabled === previous.enabled && !tr.docChanged) return previous;
            return { enabled, decorations: build(state, enabled, bridge) };
          },
        },
        props: { decorations: (state) => sectionButtonsKey.getState(state)?.decorations },
      }),
    ];
  },
});
