/**
 * The outline, the text and the comments side by side, bound to one editor. Until the first sync it
 * shows the sections the API gave and the text as the server last had it (read-only, marked busy), or
 * a loading message until that is here: never an empty editor that looks like an empty text. The comments' state lives here because it needs the editor (anchors, highlights).
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState, type MouseEvent, type Ref } from 'react';
import { useEditorState } from '@tiptap/react';
import type { DocumentDetail, Person, TextSnapshotNode } from '../../shared/api.ts';
import { allowed } from '../../shared/access.ts';
import { Announcer } from '../threads/Announcer.tsx';
import { UndoApplyToast } from '../threads/UndoApply.tsx';
import { CommentButton } from '../threads/CommentButton.tsx';
import { countBySection } from '../threads/listRows.ts';
import { ReviewBridge } from '../threads/reviewBridge.ts';
import { ReviewContext } from '../threads/ReviewContext.tsx';
import { THREADS_PANEL_ID, ThreadsPanel } from '../threads/ThreadsPanel.tsx';
import type { ThreadStore, ThreadsSnapshot } from '../threads/threadStore.ts';
import { useEditorBindings } from '../threads/useEditorBindings.ts';
import { useReviewState } from '../threads/useReviewState.ts';
import type { Collab } from './collabSession.ts';
import { useDocumentEditor } from './useDocumentEditor.ts';
import { useTextPainted } from './useTextPainted.ts';
import { headingPosition, sectionsOf } from './sections.ts';
import { useActiveSection } from './useActiveSection.ts';
import { EditorText } from './EditorText.tsx';
import { TextSnapshotView } from './TextSnapshotView.tsx';
import { useTextSnapshot } from './useTextSnapshot.ts';
import { Outline } from './Outline.tsx';
import { Toolbar } from './Toolbar.tsx';
import { TYPING_REFUSED_EVENT } from './readingCaret.ts';
import { workingLanguage } from './workingLanguage.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { BOOT_WAIT, bootTextShown } from '../bootText.ts';

/** One explanation per burst of typing: a word typed must not be announced letter by letter. */
const TYPING_REFUSED_QUIET_MS = 5_000;

interface EditorAreaProps {
  collab: Collab;
  synced: boolean;
  detail: DocumentDetail;
  person: Person;
  outlineId: string;
  outlineOpen: boolean;
  onOutlinePicked: () => void;
  threads: { store: ThreadStore; snapshot: ThreadsSnapshot };
  panelOpen: boolean;
  setPanelOpen: (open: boolean) => void;
  panelHeadingRef: Ref<HTMLHeadingElement>;
}

const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Building the editor is the longest task of the page's first render. When the words are at hand (the
 * text snapshot) and the live text is not, a first frame draws them in the page's layout, and the
 * editor is built in the next. When the live text is already here (a fast socket), the editor is
 * built at once: drawing the words twice would only delay it (measured: the editor's text a frame
 * and the snapshot's layout later, the highlights after it). So it is when the page came with the
 * words in it (client/bootText.ts): they are on screen already.
 */
export function EditorArea(props: EditorAreaProps) {
  const { detail, synced } = props;
  const snapshot = useTextSnapshot(detail.id, detail.generation, !synced);
  const [build, setBuild] = useState(() => snapshot === null || synced || bootTextShown());
  useEffect(() => {
    if (build) return;
    let timer = 0;
    const next = () => {
      timer = window.setTimeout(() => setBuild(true));
    };
    // A frame's callbacks run before it paints, so the task they queue runs after. A hidden tab
    // paints no frames: it need not wait for one.
    const frame = document.visibilityState === 'hidden' ? (next(), 0) : requestAnimationFrame(next);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [build]);
  if (!build && snapshot) return <WordsFirst {...props} snapshot={snapshot} />;
  return <LiveEditorArea {...props} snapshot={synced ? null : snapshot} />;
}

/** The page's layout with the snapshot's words, for the frame before the editor is built. */
function WordsFirst({ detail, outlineId, outlineOpen, snapshot }: EditorAreaProps & { snapshot: TextSnapshotNode[] }) {
  const t = useT();
  const reason = detail.access.reason ? t(detail.access.reason) : null;
  return (
    <div className="doc-layout doc-layout--review">
      <Outline id={outlineId} sections={detail.sections} activeId={null} open={outlineOpen} />
      <div className="doc-main">
        {!detail.access.edit && reason && <ReadOnlyNotice reason={reason} />}
        <div className="paper">
          <TextSnapshotView content={snapshot} label={t('editor.textLabel')} lang={workingLanguage(detail)} />
        </div>
      </div>
    </div>
  );
}

function ReadOnlyNotice({ reason }: { reason: string }) {
  return (
    <p className="readonly-notice" data-testid="readonly-notice">
      <span className="readonly-notice__icon" aria-hidden="true">
        i
      </span>
      {reason}
    </p>
  );
}

function LiveEditorArea(props: EditorAreaProps & { snapshot: TextSnapshotNode[] | null }) {
  const { collab, synced, detail, snapshot, person, outlineId, outlineOpen, onOutlinePicked, threads, panelOpen, setPanelOpen, panelHeadingRef } = props;
  const t = useT();
  const editable = detail.access.edit;
  const [bridge] = useState(() => new ReviewBridge());
  const labels = { label: t('editor.textLabel'), lang: workingLanguage(detail) };
  const editor = useDocumentEditor(collab, editable, person, bridge, labels);
  const liveSections = useEditorState({ editor, selector: ({ editor: e }) => (e ? sectionsOf(e.state.doc) : []) });
  const [activeId, setActiveId] = useActiveSection(synced ? editor : null, liveSections);
  const paperRef = useRef<HTMLDivElement>(null);
  // The comments list follows the threads a moment later, in a render of its own that yields to the
  // browser: the highlights (useEditorBindings, below) take the new threads at once and are painted
  // first, and the list is laid out once, with their places in the text, instead of twice.
  const listedThreads = useDeferredValue(threads.snapshot);
  const review = useReviewState({
    editor,
    detail,
    person,
    store: threads.store,
    snapshot: listedThreads,
    synced,
    sections: synced ? liveSections : detail.sections,
    currentSectionId: activeId,
    panelOpen,
    setPanelOpen,
  });
  // The text first, then the comments' highlights and buttons (each one more pass over the text).
  const textPainted = useTextPainted(editor, synced);
  useEditorBindings(review, bridge, threads.snapshot.threads, { synced, painted: textPainted }, threads.snapshot.status !== 'loading');
  const counts = useMemo(() => countBySection(review.placed), [review.placed]);

  // A reader typing into the closed text is told why it is closed and how to comment instead.
  const { announce } = review;
  const reason = detail.access.reason ? t(detail.access.reason) : null;
  const mayComment = allowed(person.role, 'thread.comment', detail.phase);
  useEffect(() => {
    const paper = paperRef.current;
    if (!paper || editable) return;
    let last = 0;
    const explain = () => {
      if (Date.now() - last < TYPING_REFUSED_QUIET_MS) return;
      last = Date.now();
      const how = mayComment ? t('editor.howToComment') : '';
      announce(`${t('editor.typingRefused')} ${reason ?? ''} ${how}`.replace(/\s+/g, ' ').trim());
    };
    paper.addEventListener(TYPING_REFUSED_EVENT, explain);
    return () => paper.removeEventListener(TYPING_REFUSED_EVENT, explain);
  }, [announce, reason, mayComment, editable, t]);

  // Keyboard users would otherwise tab through every section of the outline and the whole text first.
  const skipToComments = (event: MouseEvent) => {
    event.preventDefault();
    setPanelOpen(true);
    requestAnimationFrame(() => {
      const panel = document.getElementById(THREADS_PANEL_ID);
      (panel?.querySelector<HTMLElement>('[data-card][tabindex="0"]') ?? panel?.querySelector<HTMLElement>('h2'))?.focus();
    });
  };

  const pick = (id: string) => {
    const at = headingPosition(editor.state.doc, id);
    if (!at) return;
    editor.chain().setTextSelection(at.from + 1).run();
    if (editor.isEditable) editor.commands.focus(undefined, { scrollIntoView: false });
    const heading = editor.view.nodeDOM(at.from);
    if (heading instanceof HTMLElement) heading.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    setActiveId(id);
    onOutlinePicked();
  };

  return (
    <ReviewContext.Provider value={review}>
      <div className="doc-layout doc-layout--review">
        <a href={`#${THREADS_PANEL_ID}`} className="skip-to-comments" onClick={skipToComments}>
          {t('doc.skipToComments')}
        </a>
        {synced ? (
          <Outline id={outlineId} sections={liveSections} activeId={activeId} open={outlineOpen} onPick={pick} counts={counts} />
        ) : (
          <Outline id={outlineId} sections={detail.sections} activeId={null} open={outlineOpen} />
        )}
        <div className="doc-main">
          {!editable && reason && <ReadOnlyNotice reason={reason} />}
          {editable && synced && <Toolbar editor={editor} />}
          <div className="paper" ref={paperRef}>
            {synced ? (
              <>
                <EditorText editor={editor} />
                <CommentButton paper={paperRef} />
              </>
            ) : snapshot ? (
              <TextSnapshotView content={snapshot} {...labels} />
            ) : (
              <output className="paper__loading" data-testid="text-loading" {...BOOT_WAIT}>
                <span className="spinner" aria-hidden="true" />
                {t('doc.loadingText')}
              </output>
            )}
          </div>
        </div>
        <ThreadsPanel headingRef={panelHeadingRef} onClose={() => setPanelOpen(false)} />
      </div>
      <Announcer announcement={review.announcement} />
      <UndoApplyToast />
    </ReviewContext.Provider>
  );
}
