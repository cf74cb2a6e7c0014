/**
 * Which section the reader is in: the last heading that has scrolled up under the sticky bar.
 * Read from the DOM on scroll (throttled to one check per frame), since only the DOM knows layout.
 */
import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { Section } from '../../shared/sections.ts';

/** How far below the sticky bar a heading may be and still count as the current one. */
const SLACK_PX = 96;

export function useActiveSection(editor: Editor | null, sections: readonly Section[]): [string | null, (id: string) => void] {
  const [activeId, setActiveId] = useState<string | null>(null);

  useEffect(() => {
    if (!editor || sections.length === 0) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (editor.isDestroyed) return;
      const barHeight = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--docbar-height')) || 0;
      const limit = barHeight + SLACK_PX;
      let current: string | null = sections[0]?.id ?? null;
      for (const heading of editor.view.dom.querySelectorAll<HTMLElement>(':scope > [data-id]')) {
        if (heading.getBoundingClientRect().top > limit) break;
        current = heading.dataset.id ?? current;
      }
      setActiveId(current);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    schedule();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [editor, sections]);

  return [activeId, setActiveId];
}
