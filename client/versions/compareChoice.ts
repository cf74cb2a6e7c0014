/**
 * Which two texts a comparison starts with: what the address asks for (?from=…&to=…, so a
 * comparison can be linked to), otherwise the consultation draft against the current text.
 */
import { CURRENT, type VersionRef, type VersionSummary } from './versionsApi.ts';

export function initialChoice(versions: readonly VersionSummary[], search = window.location.search): { from: VersionRef; to: VersionRef } | null {
  const known = new Set([CURRENT, ...versions.map((v) => v.id)]);
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to') ?? CURRENT;
  if (from && known.has(from) && known.has(to)) return { from, to };
  // What most people ask: what changed since the text that was put out for comment.
  const draft = consultationDraft(versions);
  return draft ? { from: draft.id, to: CURRENT } : null;
}

/** Keeps the address in step, without a navigation, so reloading or sharing shows the same comparison. */
export function rememberChoice(from: VersionRef, to: VersionRef): void {
  const url = `${window.location.pathname}?${new URLSearchParams({ from, to }).toString()}`;
  window.history.replaceState(window.history.state, '', url);
}

/**
 * For final review: the text the consultation was held on. The version taken when the consultation
 * began, else the oldest version; the latest such if the consultation was opened more than once.
 */
export function consultationDraft(versions: readonly VersionSummary[]): VersionSummary | null {
  // The version taken as the document went out for consultation (its label says so, in any language).
  const named = versions.filter((v) => v.label?.kind === 'opened' || /^consultation begins/i.test(v.name));
  const oldestFirst = versions.toSorted((a, b) => a.createdAt.localeCompare(b.createdAt));
  return named.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? oldestFirst[0] ?? null;
}
