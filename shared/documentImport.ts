/**
 * Wire shapes of bringing a draft in (POST /api/documents/preview and POST /api/documents) and of a
 * document's details (PATCH /api/documents/:id). Shared so the New-document dialog and the routes
 * read the same names.
 */
import type { MessageKey } from './i18n/en.ts';

export const DOCUMENT_LANGUAGES = ['en', 'fr'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/**
 * Something in the file that the editor has no place for, and what became of it. `words` (a
 * catalogue key and its values) lets the interface say it in the reader's language; `message` is in
 * English, and is all there is for what Word's converter reports in its own words (`other`).
 */
export interface NotKept {
  what: 'images' | 'tracked-changes' | 'comments' | 'text-boxes' | 'fields' | 'tables' | 'headings' | 'encoding' | 'other';
  words?: { key: `notKept.${string}` & MessageKey; values: Record<string, string | number> };
  message: string;
}

export interface ImportPreview {
  /** The title the document would get (the one sent, else the file's own, else the file name). */
  title: string;
  sections: Array<{ number: string; title: string; level: number }>;
  notKept: NotKept[];
  words: number;
}

/** Details beyond the contract's fields, shown on the document page and in GET /api/documents/:id. */
export interface DocumentDetails {
  reference: string;
  language: DocumentLanguage;
  description: string;
  workingGroup: string;
  archived: boolean;
  /** The document this one is the next edition of, when it is one. */
  editionOf: { id: string; title: string } | null;
}
