/**
 * The consolidated feedback report's formats; the Report itself, what every format renders, is a
 * wire shape and lives in shared/report.ts.
 */
export { UNPLACED_SECTION_ID } from '../../shared/report.ts';
export type { Report, ReportDocument, ReportOptions, ReportSection, ReportSummary, ReportThread, ReportReply, ReplySide, SectionCount, CountryCount, Respondent } from '../../shared/report.ts';

export const REPORT_FORMATS = ['json', 'csv', 'md', 'xlsx', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

