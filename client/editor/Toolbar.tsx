/**
 * Formatting for people who edit the text. Follows the ARIA toolbar pattern: one tab stop, arrow
 * keys move between buttons, each button says whether its format is on (aria-pressed). A button's
 * name is its words ("Bold"), in hidden text rather than aria-label; its glyph ("B", "H1") is only for
 * the eye, so a name never contradicts what the button shows (WCAG 2.5.3).
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import type { ChainedCommands } from '@tiptap/core';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

interface Tool {
  key: string;
  label: MessageKey;
  shortcut: string;
  /** What the eye sees: a catalogue glyph ("B"; "G" in French), a fixed one ("H1") or an icon. */
  content: { glyph: MessageKey } | { text: string } | { icon: ReactNode };
  isActive: (editor: Editor) => boolean;
  run: (chain: ChainedCommands) => ChainedCommands;
}

const icon = (path: string) => (
  <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
    <path d={path} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
  </svg>
);

const HEADINGS: readonly MessageKey[] = ['toolbar.h1', 'toolbar.h2', 'toolbar.h3'];

const TOOLS: Tool[] = [
  { key: 'bold', label: 'toolbar.bold', shortcut: 'Ctrl+B', content: { glyph: 'toolbar.boldGlyph' }, isActive: (e) => e.isActive('bold'), run: (c) => c.toggleBold() },
  { key: 'italic', label: 'toolbar.italic', shortcut: 'Ctrl+I', content: { glyph: 'toolbar.italicGlyph' }, isActive: (e) => e.isActive('italic'), run: (c) => c.toggleItalic() },
  ...([1, 2, 3] as const).map(
    (level): Tool => ({
      key: `h${level}`,
      label: HEADINGS[level - 1] ?? 'toolbar.h1',
      shortcut: `Ctrl+Alt+${level}`,
      content: { text: `H${level}` },
      isActive: (e) => e.isActive('heading', { level }),
      run: (c) => c.toggleHeading({ level }),
    }),
  ),
  {
    key: 'bullets',
    label: 'toolbar.bullets',
    shortcut: 'Ctrl+Shift+8',
    content: { icon: icon('M7 5h10M7 10h10M7 15h10M3 5h.01M3 10h.01M3 15h.01') },
    isActive: (e) => e.isActive('bulletList'),
    run: (c) => c.toggleBulletList(),
  },
  {
    key: 'numbers',
    label: 'toolbar.numbers',
    shortcut: 'Ctrl+Shift+7',
    content: { icon: icon('M8 5h9M8 10h9M8 15h9M3 4h1v3M3 9.5h2L3 12h2M3 14h2v3H3') },
    isActive: (e) => e.isActive('orderedList'),
    run: (c) => c.toggleOrderedList(),
  },
  {
    key: 'quote',
    label: 'toolbar.quote',
    shortcut: 'Ctrl+Shift+B',
    content: { icon: icon('M4 5v10M8 7h9M8 11h9M8 15h6') },
    isActive: (e) => e.isActive('blockquote'),
    run: (c) => c.toggleBlockquote(),
  },
];

function Glyph({ content }: { content: Tool['content'] }) {
  const t = useT();
  if ('icon' in content) return content.icon;
  const glyph = 'glyph' in content ? t(content.glyph) : content.text;
  return (
    <span className="toolbar__glyph" aria-hidden="true">
      {glyph}
    </span>
  );
}

export function Toolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const active = useEditorState({ editor, selector: ({ editor: e }) => TOOLS.map((tool) => tool.isActive(e)) });
  const ref = useRef<HTMLDivElement>(null);

  // Arrow keys move focus within the toolbar, so Tab leaves it in one step.
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons.forEach((button) => (button.tabIndex = -1));
    const target = buttons[(next + buttons.length) % buttons.length];
    if (target) {
      target.tabIndex = 0;
      target.focus();
    }
  };

  return (
    <div ref={ref} className="toolbar" role="toolbar" tabIndex={-1} aria-label={t('toolbar.label')} aria-controls="document-text" onKeyDown={onKeyDown} data-testid="toolbar">
      {TOOLS.map((tool, index) => (
        <button
          key={tool.key}
          type="button"
          className={`toolbar__button toolbar__button--${tool.key}${index === 1 || index === 4 ? ' toolbar__button--group-end' : ''}`}
          aria-pressed={active[index] ?? false}
          title={t('toolbar.withShortcut', { label: t(tool.label), shortcut: tool.shortcut })}
          tabIndex={index === 0 ? 0 : -1}
          // Keep the text selection: a mouse press on a button would otherwise move focus first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => tool.run(editor.chain().focus()).run()}
        >
          <Glyph content={tool.content} />
          <span className="visually-hidden">{t(tool.label)}</span>
        </button>
      ))}
    </div>
  );
}
