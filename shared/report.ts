/**
 * The consolidated feedback report ("disposition of comments") as the API gives it: the JSON answer
 * of GET /api/documents/:id/report is exactly a Report. The server builds it (server/report/) and
 * renders every file format from it; the client shows it.
 */
import type { DocumentSummary, Reply, Thread } from './api.ts';
import type { Stakeholder, ThreadKind, ThreadStatus } from './domain.ts';

/** The id of the pseudo-section that holds threads whose section was deleted from the text. */
export const UNPLACED_SECTION_ID = 'unplaced';

export interface ReportOptions {
  /** Only these sections (ids; 'unplaced' for threads on removed sections). Undefined: all. */
  sections?: string[];
  stakeholders?: Stakeholder[];
  statuses?: ThreadStatus[];
  /** Give each thread its replies (default) or `replies: []`. */
  replies: boolean;
  /** The edition for publication: commenters are named only by country and stakeholder group. */
  anonymous: boolean;
}

export interface ReportDocument extends DocumentSummary {
  adoptedAt: string | null;
  /** The document's details, as the Secretariat gave them ('' when not given). */
  reference?: string;
  workingGroup?: string;
  description?: string;
  /** The server's address (https://host), so files can link to each comment; absent when unknown. */
  origin?: string | null;
  /** The name of the version commented on (taken when the document last went out for consultation), when known. */
  version?: string | null;
}

export interface SectionCount {
  id: string;
  number: string;
  title: string;
  threads: number;
  byStakeholder: Record<Stakeholder, number>;
  byStatus: Record<ThreadStatus, number>;
}

/**
 * One person who commented, for the list of respondents. In the anonymised edition `name` and
 * `organisation` are null: only the country and the stakeholder group remain.
 */
export interface Respondent {
  name: string | null;
  organisation: string | null;
  /** ISO 3166-1 alpha-2 code, or "unknown". */
  country: string;
  stakeholder: Stakeholder;
  /** Comments of this person among the reported threads. */
  comments: number;
}

/** What one country contributed, and what became of it: the secretary's country table. */
export interface CountryCount {
  /** ISO 3166-1 alpha-2 code, or "unknown"; formats show the country's name. */
  country: string;
  /** People from the country who commented. */
  respondents: number;
  /** Distinct organisations among them (0 in the anonymised edition, which names none). */
  organisations: number;
  comments: number;
  /** The country × disposition table's row. */
  byStatus: Record<ThreadStatus, number>;
}

export interface ReportSummary {
  threads: number;
  /** Replies of the reported threads, counted even when the report leaves them out. */
  replies: number;
  endorsements: number;
  byStatus: Record<ThreadStatus, number>;
  byKind: Record<ThreadKind, number>;
  byStakeholder: Record<Stakeholder, number>;
  /** Keyed by ISO 3166-1 alpha-2 code; authors without a country count under "unknown". */
  byCountry: Record<string, number>;
  bySection: SectionCount[];
  /** Every country that commented, by code, "unknown" last. */
  countries: CountryCount[];
  /** Everyone who commented, by country, then stakeholder group, then name. */
  respondents: Respondent[];
}

/** Who a reply answers for: the document's working group, the Secretariat, or only its author (null). */
export type ReplySide = 'working-group' | 'secretariat' | null;

/** A reply as the report gives it: the record marks the working group's answers apart from the debate. */
export interface ReportReply extends Reply {
  speaksFor: ReplySide;
}

/** A thread as the report gives it: the threads API's shape and what only the record needs. */
export interface ReportThread extends Thread {
  replies: ReportReply[];
  /** Countries of the people who endorsed it, distinct, by code ("Supported by DE, FR"). */
  supportedBy: string[];
  /** Names of the people who endorsed it, in the order they did ([] in the anonymised edition). */
  endorsedBy: string[];
  /** Sorts rows back into document order: section position, then the thread's place in it ("0003-0012"). */
  sortKey: string;
}

export interface ReportSection {
  id: string;
  number: string;
  title: string;
  threads: ReportThread[];
}

export interface Report {
  document: ReportDocument;
  generatedAt: string;
  /** The options the report was made with, so a reader of the file knows what it leaves out. */
  options: ReportOptions;
  summary: ReportSummary;
  sections: ReportSection[];
}
