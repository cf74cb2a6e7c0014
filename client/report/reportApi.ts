/** The consolidated feedback report as the client fetches it, and the addresses of its files. */
import type { Report, ReportOptions } from '../../shared/report.ts';
import { requestJson } from '../api.ts';

export type { Report, ReportSection } from '../../shared/report.ts';

export const REPORT_FILE_FORMATS = ['docx', 'pdf', 'xlsx', 'csv', 'md'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

/** What the downloaded edition contains; undefined lists mean "all". */
export type ReportFileOptions = ReportOptions;

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
