/**
 * The language a document is written in, which is not the reader's interface language: a French
 * reader of an English draft must still hear it pronounced as English. Documents carry no language
 * of their own yet (CONTRACT.md); until one does, the group drafts in English.
 */
import type { DocumentDetail } from '../../shared/api.ts';
import { isLanguage, type Language } from '../../shared/i18n/languages.ts';

export function workingLanguage(detail: DocumentDetail): Language {
  const given = 'language' in detail ? detail.language : null;
  return isLanguage(given) ? given : 'en';
}
