/**
 * The state behind the comments of one open document: the threads placed in the live text, which
 * one is open, the comment being written, filters, the bulk selection, announcements. Built once in
 * EditorArea and handed to every part through ReviewContext.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import type { DocumentDetail, Person } from '../../shared/api.ts';
import type { Section } from '../../shared/sections.ts';
import { NO_FILTERS, type ThreadFilters } from './filters.ts';
import { highlightKey, type HighlightRange } from './highlightPlugin.ts';
import { HoverStore } from './hoverStore.ts';
import { placeThreads } from './placement.ts';
import { reviewRights } from './rights.ts';
import { useLanguage } from '../i18n/LanguageProvider.tsx';
import { t } from '../i18n/intl.ts';
import { COMMENT_SHORTCUT } from './useEditorBindings.ts';
import type { OpenOptions, Review } from './ReviewContext.tsx';
import { selectedText, targetForSelection } from './selection.ts';
import type { ThreadStore, ThreadsSnapshot } from './threadStore.ts';
import type { CommentTarget } from './types.ts';
import { useDraft } from './useDraft.ts';
import { useNow } from './useNow.ts';
import { revealInText, focusTextAt } from './textFocus.ts';
import { useLinkedThread } from './useLinkedThread.ts';
import { useAppliedWording } from './useAppliedWording.ts';
import { newsOf } from './news.ts';
import type { Announcement } from './Announcer.tsx';

const NO_RANGES: ReadonlyMap<string, HighlightRange> = new Map();

export interface ReviewInputs {
  editor: Editor;
  detail: DocumentDetail;
  person: Person;
  store: ThreadStore;
  snapshot: ThreadsSnapshot;
  synced: boolean;
  sections: readonly Section[];
  currentSectionId: string | null;
  panelOpen: boolean;
  setPanelOpen(open: boolean): void;
}

const sameTarget = (a: CommentTarget, b: CommentTarget) =>
  a.type === b.type && a.sectionId === b.sectionId && (a.type === 'section' || (b.type === 'words' && a.anchor.start === b.anchor.start && a.anchor.end === b.anchor.end));

export function useReviewState(inputs: ReviewInputs): Review & { announcement: Announcement } {
  const { editor, detail, person, store, snapshot, synced, sections, currentSectionId, panelOpen, setPanelOpen } = inputs;
  const now = useNow(30_000, detail.deadline);
  const { language } = useLanguage();
  // The reasons are words: a change of language writes them again.
  // oxlint-disable-next-line react-hooks/exhaustive-deps
  const rights = useMemo(() => reviewRights(person, detail, now), [person, detail, now, language]);
  const ranges = useEditorState({ editor, selector: ({ editor: e }) => (e ? highlightKey.getState(e.state)?.ranges : undefined) ?? NO_RANGES, equalityFn: Object.is });
  const sectionOrder = useMemo(() => new Map(sections.map((s, i) => [s.id, i])), [sections]);
  const placed = useMemo(
    () => placeThreads(snapshot.threads, ranges, synced ? editor.state.doc : null, sectionOrder),
    // The document is read again whenever `ranges` changes, which it does whenever the words move.
    [snapshot.threads, ranges, synced, sectionOrder, editor],
  );
  const byId = useMemo(() => new Map(placed.map((p) => [p.thread.id, p])), [placed]);

  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<Review['focusRequest']>(null);
  const [hover] = useState(() => new HoverStore());
  const [draft, setDraft] = useDraft(detail.id, person.id);
  const [composerFocus, setComposerFocus] = useState(0);
  const [filters, setFilters] = useState<ThreadFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState<Announcement>({ text: '', serial: 0, onScreen: true });
  /** Where the focus was when the composer took it: a place in the text, or a button. */
  const textSpot = useRef<number | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  const announce = useCallback(
    (text: string, options: { onScreen?: boolean } = {}) => setAnnouncement((current) => ({ text, serial: current.serial + 1, onScreen: options.onScreen ?? true })),
    [],
  );
  const appliedWording = useAppliedWording(editor, store, announce);

  // Others' new comments, replies and answers, said politely (the one live region of the page).
  useEffect(
    () =>
      store.onRemote((before, after) => {
        const news = newsOf(before, after, person);
        if (news) announce(news, { onScreen: false });
      }),
    [store, person, announce],
  );

  // A comment left half-written (a reload, a closed tab) is the first thing to show, even on a tablet.
  const hadDraft = useRef(draft !== null);
  useEffect(() => {
    if (hadDraft.current) setPanelOpen(true);
  }, [setPanelOpen]);

  // Commenting can close while the page is open (the deadline passes, the phase changes): say so once.
  const couldComment = useRef(rights.comment.allowed);
  useEffect(() => {
    if (couldComment.current && !rights.comment.allowed) announce(rights.comment.reason);
    couldComment.current = rights.comment.allowed;
  }, [rights.comment, announce]);

  const openThread = useCallback(
    (id: string, options: OpenOptions = {}) => {
      setActiveId(id);
      if (options.revealCard) {
        setPanelOpen(true);
        setFocusRequest((current) => ({ id, serial: (current?.serial ?? 0) + 1, scrollOnly: true }));
      }
      const range = ranges.get(id);
      if (options.revealText && range) revealInText(editor, range.from);
    },
    [editor, ranges, setPanelOpen],
  );

  const closeThread = useCallback(() => setActiveId(null), []);
  useLinkedThread(placed, synced && snapshot.status === 'ready', openThread);

  const startComment = useCallback(
    (given?: CommentTarget) => {
      if (!rights.comment.allowed) {
        announce(rights.comment.reason);
        return;
      }
      let target = given;
      returnTo.current = given && document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (!target) {
        const found = targetForSelection(editor.state);
        if (!found) {
          announce(t('threads.selection.none', { shortcut: COMMENT_SHORTCUT }));
          return;
        }
        if (found.error !== undefined) {
          announce(found.error);
          return;
        }
        target = found.target;
        textSpot.current = selectedText(editor.state)?.to ?? null;
      }
      setPanelOpen(true);
      setComposerFocus((n) => n + 1);
      if (draft && sameTarget(draft.target, target)) return;
      if (draft && draft.body.trim()) {
        announce(t('threads.selection.finishFirst'));
        return;
      }
      setDraft({ target, kind: draft?.kind ?? 'general', body: draft?.body ?? '', proposedText: target.type === 'words' ? target.quote : (draft?.proposedText ?? '') });
    },
    [announce, draft, editor, rights.comment, setDraft, setPanelOpen],
  );

  const returnToText = useCallback(() => {
    const element = returnTo.current;
    if (element?.isConnected) element.focus();
    else focusTextAt(editor, textSpot.current);
    textSpot.current = null;
    returnTo.current = null;
  }, [editor]);

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const { thread } of placed) {
      map.set(thread.author.id, thread.author.name);
      for (const reply of thread.replies) map.set(reply.author.id, reply.author.name);
    }
    return map;
  }, [placed]);
  const nameOf = useCallback((id: string) => (id === person.id ? `${person.name} (you)` : (names.get(id) ?? null)), [names, person]);

  return {
    editor,
    detail,
    rights,
    now,
    store,
    loadStatus: snapshot.status,
    loadError: snapshot.error,
    placed,
    byId,
    sections,
    currentSectionId,
    activeId,
    openThread,
    closeThread,
    focusRequest,
    hover,
    draft,
    setDraft,
    startComment,
    composerFocus,
    returnToText,
    filters,
    setFilters,
    selected,
    setSelected,
    announce,
    announcement,
    nameOf,
    panelOpen,
    setPanelOpen,
    appliedWording,
  };
}
