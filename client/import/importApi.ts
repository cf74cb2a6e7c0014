/** Requests for importing a comment table: the preview (a multipart upload) and storing the rows. */
import type { ImportCommit, ImportPreview, ImportResult } from '../../shared/commentImport.ts';
import { ApiError, requestJson } from '../api.ts';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/comment-import`;

export const importApi = {
  templateUrl: (documentId: string, language: 'en' | 'fr' = 'en') => `${base(documentId)}/template${language === 'fr' ? '?lang=fr' : ''}`,
  async preview(documentId: string, file: File): Promise<ImportPreview> {
    const form = new FormData();
    form.append('file', file, file.name);
    let response: Response;
    try {
      response = await fetch(`${base(documentId)}/preview`, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' }, body: form });
    } catch {
      throw new ApiError(0, 'network', 'Could not reach the server. Check your connection and try again.');
    }
    const parsed: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
      throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? `The server answered with an error (${response.status}).`);
    }
    return parsed as ImportPreview;
  },
  commit: (documentId: string, commit: ImportCommit) => requestJson<ImportResult>('POST', base(documentId), commit),
};
