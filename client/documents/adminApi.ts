/**
 * Requests for bringing drafts in and managing a document's life. An upload is multipart, which the
 * JSON request helper does not send, so it has its own fetch with the same error handling.
 */
import type { DocumentDetail, DocumentListEntry } from '../../shared/api.ts';
import type { DocumentLanguage, ImportPreview } from '../../shared/documentImport.ts';
import { requestJson } from '../api.ts';

export interface DetailsInput {
  title?: string;
  reference?: string;
  language?: DocumentLanguage;
  description?: string;
  workingGroup?: string;
}

export interface DeletionImpact {
  id: string;
  title: string;
  deletable: boolean;
  reason: string | null;
  threads: number;
  replies: number;
  versions: number;
  signoffs: number;
}

function sendFile<T>(path: string, file: File, title: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (title.trim()) form.append('title', title.trim());
  return requestJson<T>('POST', path, form);
}

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export const documentAdminApi = {
  list: (archived: boolean) => requestJson<DocumentListEntry[]>('GET', archived ? '/api/documents?archived=true' : '/api/documents'),
  previewFile: (file: File, title: string) => sendFile<ImportPreview>('/api/documents/preview', file, title),
  createFromFile: (file: File, title: string) => sendFile<DocumentDetail>('/api/documents', file, title),
  createEmpty: (title: string) => requestJson<DocumentDetail>('POST', '/api/documents', { title }),
  updateDetails: (id: string, details: DetailsInput) => requestJson<DocumentDetail>('PATCH', documentPath(id), details),
  setArchived: (id: string, archived: boolean) => requestJson<DocumentDetail>('POST', `${documentPath(id)}/archive`, { archived }),
  deletionImpact: (id: string) => requestJson<DeletionImpact>('GET', `${documentPath(id)}/deletion`),
  deleteDraft: (id: string) => requestJson<DeletionImpact>('DELETE', documentPath(id), { confirm: id }),
  startEdition: (id: string, title: string) => requestJson<DocumentDetail>('POST', `${documentPath(id)}/edition`, title.trim() ? { title: title.trim() } : {}),
  wordUrl: (id: string) => `${documentPath(id)}/word`,
};
