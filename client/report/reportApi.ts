/**
 * The consolidated feedback report as the client reads it, and the addresses of its files. The
 * shapes mirror server/report/types.ts; they belong in shared/api.ts once the report API settles.
 */
import type { DocumentSummary, Thread } from '../../shared/api.ts';
import type { Stakeholder, ThreadKind, ThreadStatus } from '../../shared/domain.ts';
import { requestJson } from '../api.ts';

export interface SectionCount {
  id: string;
  number: string;
  title: string;
  threads: number;
  byStakeholder: Record<Stakeholder, number>;
  byStatus: Record<ThreadStatus, number>;
}

export interface ReportSummary {
  threads: number;
  replies: number;
  endorsements?: number;
  byStatus: Record<ThreadStatus, number>;
  byKind: Record<ThreadKind, number>;
  byStakeholder: Record<Stakeholder, number>;
  /** ISO 3166-1 alpha-2 codes; "unknown" for authors without a country. */
  byCountry: Record<string, number>;
  bySection?: SectionCount[];
}

export interface ReportSection {
  id: string;
  number: string;
  title: string;
  threads: Thread[];
}

export interface Report {
  document: DocumentSummary & { adoptedAt: string | null };
  generatedAt: string;
  summary: ReportSummary;
  sections: ReportSection[];
}

export const REPORT_FILE_FORMATS = ['docx', 'pdf', 'csv', 'md'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

/** What the downloaded edition contains; undefined lists mean "all". */
export interface ReportFileOptions {
  sections?: string[];
  stakeholders?: Stakeholder[];
  statuses?: ThreadStatus[];
  replies: boolean;
  anonymous: boolean;
}

const reportPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/report`;

export function reportFileUrl(documentId: string, format: ReportFileFormat, options: ReportFileOptions): string {
  const query = new URLSearchParams({ format });
  if (options.sections) query.set('sections', options.sections.join(','));
  if (options.stakeholders) query.set('stakeholders', options.stakeholders.join(','));
  if (options.statuses) query.set('statuses', options.statuses.join(','));
  if (!options.replies) query.set('replies', 'false');
  if (options.anonymous) query.set('anonymous', 'true');
  return `${reportPath(documentId)}?${query.toString()}`;
}

export const reportApi = {
  get: (documentId: string) => requestJson<Report>('GET', reportPath(documentId)),
};
