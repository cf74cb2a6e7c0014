/**
 * An automatic version's name in the reader's language. Versions taken before names were stored as
 * labels have only English words ("Text as consulted, closed 2 Dec 2026"): they are read back into
 * labels here, so that they too read in French, without rewriting any stored record.
 */
import type { Language } from '../../shared/i18n/languages.ts';
import { versionName, type NameWords } from '../../shared/versionNames.ts';
import type { AutomaticVersion, VersionLabel } from '../../shared/versions.ts';
import { translate } from '../i18n.ts';
import { reportWords } from '../report/words.ts';
import type { VersionRecord } from '../storage/versionRecords.ts';

/** The English wordings automaticVersionName() used to store, and what each one meant. */
const OLD_ENGLISH: Array<[RegExp, AutomaticVersion]> = [
  [/^Adopted text, (.+)$/, 'adopted'],
  [/^Text as consulted, closed (.+)$/, 'consulted'],
  [/^Text put out for consultation, (.+)$/, 'opened'],
  [/^Text sent for final review, (.+)$/, 'sent-for-final-review'],
  [/^Text as reviewed, (.+)$/, 'reviewed'],
  [/^Text before revision, (.+)$/, 'before-revision'],
  [/^Text before the return to drafting, (.+)$/, 'before-drafting'],
];
const OLD_BEFORE_RESTORE = /^Before restoring “(.*)” \(automatic\)$/s;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "2 Dec 2026" or "2 Sept 2026" (en-GB, short month, as the old names were written) → noon UTC that day. */
function oldDay(words: string): string | null {
  const match = /^(\d{1,2}) ([A-Za-z]{3,5}) (\d{4})$/.exec(words.trim());
  const month = match ? MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()) : -1;
  if (!match || month < 0) return null;
  return new Date(Date.UTC(Number(match[3]), month, Number(match[1]), 12)).toISOString();
}

/**
 * The label of an old automatic version, from its English name; null for a name a person gave. The
 * day inside a phase-change name is the version's own, so only a restored version's name needs it.
 */
export function labelFromOldName(name: string): { label: VersionLabel; day: string | null } | null {
  const restored = OLD_BEFORE_RESTORE.exec(name);
  if (restored) {
    const inner = labelFromOldName(restored[1]!);
    // A phase-change name is said with its day: without a day that could be read, keep the words.
    const readable = inner && (inner.label.kind === 'before-restore' || inner.day !== null);
    const label = readable ? inner.label : null;
    return { label: { kind: 'before-restore', restored: { name: restored[1]!, createdAt: inner?.day ?? '', label } }, day: null };
  }
  for (const [pattern, kind] of OLD_ENGLISH) {
    const match = pattern.exec(name);
    if (match) return { label: { kind }, day: oldDay(match[1]!) };
  }
  return null;
}

/** A version's label: the stored one, else the one its old English name gives (automatic versions only). */
export function labelOf(version: Pick<VersionRecord, 'name' | 'automatic' | 'label'>): VersionLabel | null {
  if (version.label !== undefined) return version.label;
  return version.automatic ? (labelFromOldName(version.name)?.label ?? null) : null;
}

export function nameWords(language: Language): NameWords {
  const words = reportWords(language);
  return { say: (key, values) => translate(language, key, values), day: words.day };
}

/** The version's name as a reader of `language` reads it. */
export function localName(version: Pick<VersionRecord, 'name' | 'automatic' | 'label' | 'createdAt'>, language: Language): string {
  return versionName({ name: version.name, createdAt: version.createdAt, label: labelOf(version) }, nameWords(language));
}
