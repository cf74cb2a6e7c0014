/**
 * Which version of the text the comments were made on: the one taken automatically when the
 * document last went out for consultation. A version records the phase the document was in when it
 * was taken, so the phase a phase-change version led into is the phase of the next automatic version
 * (or, for the last one, the document's phase now).
 */
import type { Phase } from '../../shared/domain.ts';
import type { Language } from '../../shared/i18n/languages.ts';
import type { VersionRecord } from '../storage/versionRecords.ts';
import { localName } from '../versions/versionNames.ts';

/** The name of that version in the report's language, or null when the document never went out with a version taken. */
export function versionCommentedOn(versions: readonly VersionRecord[], phaseNow: Phase, language: Language = 'en'): string | null {
  const found = findVersionCommentedOn(versions, phaseNow);
  return found ? localName(found, language) : null;
}

function findVersionCommentedOn(versions: readonly VersionRecord[], phaseNow: Phase): VersionRecord | null {
  const automatic = versions.filter((v) => v.automatic).toSorted((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (let i = automatic.length - 1; i >= 0; i--) {
    const ledInto = automatic[i + 1]?.phase ?? phaseNow;
    if (ledInto === 'consultation' && automatic[i]!.phase !== 'consultation') return automatic[i]!;
  }
  // A document that began in consultation (the seeded drafts): its first version is the text put out.
  return automatic[0]?.phase === 'consultation' ? automatic[0] : null;
}
