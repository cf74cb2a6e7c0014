/**
 * Which version of the text the comments were made on: the one taken automatically when the
 * document last went out for consultation. A version records the phase the document was in when it
 * was taken, so the phase a phase-change version led into is the phase of the next automatic version
 * (or, for the last one, the document's phase now).
 */
import type { Phase } from '../../shared/domain.ts';
import type { VersionRecord } from '../storage/versionRecords.ts';

/** The name of that version, or null when the document never went out with a version taken. */
export function versionCommentedOn(versions: readonly VersionRecord[], phaseNow: Phase): string | null {
  const automatic = versions.filter((v) => v.automatic).toSorted((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (let i = automatic.length - 1; i >= 0; i--) {
    const ledInto = automatic[i + 1]?.phase ?? phaseNow;
    if (ledInto === 'consultation' && automatic[i]!.phase !== 'consultation') return automatic[i]!.name;
  }
  // A document that began in consultation (the seeded drafts): its first version is the text put out.
  return automatic[0]?.phase === 'consultation' ? automatic[0].name : null;
}
