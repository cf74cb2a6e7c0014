/** Requests for importing a comment table: the preview (a multipart upload) and storing the rows. */
import type { ImportCommit, ImportPreview, ImportResult } from '../../shared/commentImport.ts';
import { requestJson } from '../api.ts';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/comment-import`;

export const importApi = {
  templateUrl: (documentId: string, language: 'en' | 'fr' = 'en') => `${base(documentId)}/template${language === 'fr' ? '?lang=fr' : ''}`,
  async preview(documentId: string, file: File): Promise<ImportPreview> {
    const form = new FormData();
    form.append('file', file, file.name);
    return requestJson<ImportPreview>('POST', `${base(documentId)}/preview`, form);
  },
  commit: (documentId: string, commit: ImportCommit) => requestJson<ImportResult>('POST', base(documentId), commit),
};
