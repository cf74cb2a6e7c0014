/**
 * A report as a file in one of the formats, with the name and type a browser needs to save it. Every
 * file is made in the render worker (offThread.ts); only JSON, the API's own shape, is written here.
 */
import { renderOffThread } from './offThread.ts';
import type { Language } from '../../shared/i18n/languages.ts';
import type { Report, ReportFormat } from './types.ts';

export interface ReportFile {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export const reportFileName = (documentId: string, format: ReportFormat) => `${documentId}-disposition-of-comments.${format}`;

async function contents(report: Report, format: ReportFormat, language: Language): Promise<ReportFile['body']> {
  return format === 'json' ? JSON.stringify(report, null, 2) : renderOffThread({ kind: 'report', report, format, language });
}

/** The file in the format, its words in the language (English unless told). */
export async function renderReport(report: Report, format: ReportFormat, language: Language = 'en'): Promise<ReportFile> {
  return { body: await contents(report, format, language), contentType: CONTENT_TYPES[format], fileName: reportFileName(report.document.id, format) };
}
