/**
 * A document open for reading or editing: owns its live connection for as long as it is on screen,
 * and lays out the bar, the outline and the text.
 */
import { DocumentDetails } from '../documents/DocumentDetails.tsx';
import { useEffect, useRef, useState } from 'react';
import type { DocumentDetail } from '../../shared/api.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { EditorArea } from '../editor/EditorArea.tsx';
import { useCollab } from '../editor/useCollab.ts';
import { usePerson, useSession } from '../session.tsx';
import { THREADS_PANEL_ID } from '../threads/ThreadsPanel.tsx';
import { useThreadFeed } from '../threads/useThreadFeed.ts';
import { CommentsToggle } from './CommentsToggle.tsx';
import { DocumentBar } from './DocumentBar.tsx';
import { UnsentWords } from './UnsentWords.tsx';
import { usePresence } from './usePresence.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { BOOT_WAIT } from '../bootText.ts';

const OUTLINE_ID = 'document-outline';

/**
 * Publishes the sticky bar's height (for the outline, toolbar and scrolled-to headings) and its
 * bottom edge, which the narrow-screen outline panel hangs from before the bar has stuck to the top.
 */
function useBarGeometry() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    const root = document.documentElement;
    let frame = 0;
    const measure = () => {
      frame = 0;
      root.style.setProperty('--docbar-height', `${bar.offsetHeight}px`);
      root.style.setProperty('--docbar-bottom', `${Math.max(0, bar.getBoundingClientRect().bottom)}px`);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const observer = new ResizeObserver(schedule);
    observer.observe(bar);
    window.addEventListener('scroll', schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('scroll', schedule);
      root.style.removeProperty('--docbar-height');
      root.style.removeProperty('--docbar-bottom');
    };
  }, []);
  return ref;
}

export function DocumentWorkspace({ detail, refresh }: { detail: DocumentDetail; refresh: () => Promise<void> }) {
  const t = useT();
  const person = usePerson();
  const { expire } = useSession();
  const { collab, connection, synced, closedMessage, unsent, discardUnsent } = useCollab(detail.id, detail.generation, { personId: person.id, canEdit: detail.access.edit }, { onRightsChanged: () => void refresh(), onSessionEnded: expire });
  const people = usePresence(collab?.provider ?? null, person);
  const [outlineOpen, setOutlineOpen] = useState(false);
  const barRef = useBarGeometry();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const threads = useThreadFeed(detail.id, () => void refresh());
  const [panelOpen, setPanelOpen] = useState(false);
  const commentsToggleRef = useRef<HTMLButtonElement>(null);
  const panelHeadingRef = useRef<HTMLHeadingElement>(null);

  // The narrow-screen comments drawer: opening it by its button takes the focus there, closing it
  // gives the focus back to the button (never to nowhere).
  const openPanel = (open: boolean) => {
    setPanelOpen(open);
    if (open) requestAnimationFrame(() => panelHeadingRef.current?.focus({ preventScroll: true }));
    else if (document.activeElement?.closest(`#${THREADS_PANEL_ID}`)) commentsToggleRef.current?.focus();
  };

  useEffect(() => {
    if (!panelOpen) return;
    const onKey = (event: KeyboardEvent) => {
      // Escape first closes whatever is open inside the panel (a thread, the composer).
      if (event.key !== 'Escape' || event.defaultPrevented || !window.matchMedia('(max-width: 899px)').matches) return;
      setPanelOpen(false);
      if (document.activeElement?.closest(`#${THREADS_PANEL_ID}`)) commentsToggleRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [panelOpen]);

  // When the narrow-screen panel closes, focus must not vanish with it: it goes back to its button.
  const closeOutline = () => {
    setOutlineOpen(false);
    if (document.activeElement?.closest(`#${OUTLINE_ID}`)) toggleRef.current?.focus();
  };

  const onOutlinePicked = () => {
    if (outlineOpen) closeOutline();
  };

  useEffect(() => {
    if (!outlineOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOutlineOpen(false);
      if (document.activeElement?.closest(`#${OUTLINE_ID}`)) toggleRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [outlineOpen]);

  return (
    <>
      <AppHeader skipTo={{ href: '#document-text', label: t('doc.skipToText') }} />
      <main id="main" tabIndex={-1} className="doc-page">
        <DocumentBar
          ref={barRef}
          toggleRef={toggleRef}
          detail={detail}
          person={person}
          people={people}
          connection={connection}
          connectionMessage={closedMessage}
          outlineId={OUTLINE_ID}
          outlineOpen={outlineOpen}
          onToggleOutline={() => setOutlineOpen((open) => !open)}
          onPhaseChanged={refresh}
          commentsToggle={
            <CommentsToggle
              ref={commentsToggleRef}
              open={panelOpen}
              count={threads.snapshot.threads.length}
              panelId={THREADS_PANEL_ID}
              onToggle={() => openPanel(!panelOpen)}
            />
          }
        />
        <DocumentDetails detail={detail} refresh={refresh} />
        {closedMessage && (
          <p className="notice notice--error doc-page__closed" role="alert">
            {closedMessage}
          </p>
        )}
        {unsent && <UnsentWords paragraphs={unsent} onDiscard={discardUnsent} />}
        {collab ? (
          <EditorArea
            collab={collab}
            synced={synced}
            detail={detail}
            person={person}
            outlineId={OUTLINE_ID}
            outlineOpen={outlineOpen}
            onOutlinePicked={onOutlinePicked}
            threads={threads}
            panelOpen={panelOpen}
            setPanelOpen={setPanelOpen}
            panelHeadingRef={panelHeadingRef}
          />
        ) : (
          <output className="paper__loading" {...BOOT_WAIT}>
            {t('doc.loadingText')}
          </output>
        )}
      </main>
    </>
  );
}
