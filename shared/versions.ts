/**
 * The wire shapes of versions and of the comparison of two texts: what
 * `GET /api/documents/:id/versions[/:versionId]` and `GET /api/documents/:id/compare` answer. The
 * server builds them (server/versions/) and the client reads them (client/versions/); both import
 * them from here so they cannot drift apart.
 */
import type { Phase } from './domain.ts';
import type { Section } from './sections.ts';

/**
 * What happened when Accord took a version by itself, from which its name is said in the reader's
 * language (shared/versionNames.ts); the day is the version's own `createdAt`. Named versions have none.
 */
export type AutomaticVersion = 'adopted' | 'consulted' | 'opened' | 'sent-for-final-review' | 'reviewed' | 'before-revision' | 'before-drafting';
export type VersionLabel =
  | { kind: AutomaticVersion }
  /** The safety copy taken before a restore, naming the version that was restored. */
  | { kind: 'before-restore'; restored: { name: string; createdAt: string; label: VersionLabel | null } };

/** A version in lists, and what taking or restoring one answers. */
export interface VersionSummary {
  id: string;
  /** A person's name for it, or an automatic version's name in the reader's language. */
  name: string;
  /** For automatic versions: how the client says the name in its own language. */
  label: VersionLabel | null;
  createdAt: string;
  /** The name of who took it; "Automatic" (in the reader's language) for those taken by themselves. */
  createdBy: string | null;
  /** The phase the document was in when the version was taken. */
  phase: Phase;
  automatic: boolean;
}

/** A section of a text with its own words (not its subsections'). */
export interface SectionText extends Section {
  /** Plain text, one line per paragraph or list item. */
  text: string;
}

/** One version's whole text: the words before the first heading, then each section. */
export interface VersionText extends VersionSummary {
  preamble: string;
  sections: SectionText[];
}

export type DiffOp = 'equal' | 'insert' | 'delete';

/** A run of words that are the same in both texts, or only in the later (insert) or the earlier (delete). */
export interface DiffPart {
  op: DiffOp;
  text: string;
}

export type SectionChange = 'added' | 'removed' | 'changed' | 'unchanged';

export interface SectionComparison {
  id: string;
  number: string;
  title: string;
  level: number;
  change: SectionChange;
  /** The section's text, word by word. */
  diff: DiffPart[];
  /** Present when the heading itself was reworded. */
  titleDiff?: DiffPart[];
  /** Present when the section's number changed (moved, or sections added before it). */
  previousNumber?: string;
}

/** An answered comment that led to a change of the section. */
export interface ChangeCause {
  id: string;
  status: string;
  applied: boolean;
  body: string;
  response: string | null;
  author: string;
}

export interface ComparedSection extends SectionComparison {
  /** The answered comments behind the change; empty for an unchanged section. */
  threads: ChangeCause[];
}

/** Which texts were compared: a version, or the live text ("current"). */
export interface ComparedEnd {
  ref: string;
  name: string;
  at: string;
}

export interface Comparison {
  from: ComparedEnd;
  to: ComparedEnd;
  preamble: DiffPart[];
  sections: ComparedSection[];
}

/** The reference of the live text in a comparison. */
export const CURRENT_TEXT = 'current';
