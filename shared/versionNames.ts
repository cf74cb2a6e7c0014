/**
 * The names of the versions Accord takes by itself, said in the reader's language. They are stored as
 * a label (what happened), never as words, so that the same version reads "Text as consulted, closed
 * 2 December 2026" in English and "Texte à la clôture de la consultation, 2 décembre 2026" in French,
 * in the interface, in the version files and on the report's cover alike.
 */
import type { Phase } from './domain.ts';
import type { MessageKey } from './i18n/en.ts';
import type { AutomaticVersion, VersionLabel } from './versions.ts';

/** What the text is when a document moves from one phase to another, not which phase begins, so that a list of them reads as the document's history. */
export function phaseChangeVersion(from: Phase, to: Phase): AutomaticVersion {
  if (to === 'adopted') return 'adopted';
  if (from === 'consultation') return 'consulted';
  if (to === 'consultation') return 'opened';
  if (to === 'final-review') return 'sent-for-final-review';
  if (from === 'final-review') return 'reviewed';
  if (to === 'revision') return 'before-revision';
  return 'before-drafting';
}

export const AUTOMATIC_NAME_KEYS: Record<AutomaticVersion, MessageKey> = {
  adopted: 'versionName.adopted',
  consulted: 'versionName.consulted',
  opened: 'versionName.opened',
  'sent-for-final-review': 'versionName.sentForFinalReview',
  reviewed: 'versionName.reviewed',
  'before-revision': 'versionName.beforeRevision',
  'before-drafting': 'versionName.beforeDrafting',
};

/** The words of one language: its catalogue and its way of writing a day. */
export interface NameWords {
  say(key: MessageKey, values: Record<string, string>): string;
  day(iso: string): string;
}

export interface NamedVersion {
  name: string;
  createdAt: string;
  label: VersionLabel | null;
}

export function versionName(version: NamedVersion, words: NameWords): string {
  const { label } = version;
  if (!label) return version.name;
  if (label.kind === 'before-restore') return words.say('versionName.beforeRestore', { name: versionName(label.restored, words) });
  return words.say(AUTOMATIC_NAME_KEYS[label.kind], { day: words.day(version.createdAt) });
}
