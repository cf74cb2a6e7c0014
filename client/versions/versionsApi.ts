/** The client's calls about versions of a document's text and the comparison of two of them. */
import type { Comparison, VersionSummary, VersionText } from '../../shared/versions.ts';
import { CURRENT_TEXT } from '../../shared/versions.ts';
import { requestJson } from '../api.ts';
import { currentLanguage } from '../i18n/intl.ts';

export type { ChangeCause, ComparedSection, Comparison, DiffPart, SectionChange, VersionSummary, VersionText } from '../../shared/versions.ts';

/** A version id, or CURRENT for the live text. */
export type VersionRef = string;
export const CURRENT = CURRENT_TEXT;

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

/** A version as a file, its words (dates, "Adopted on") in the interface's language. */
export const versionFileUrl = (documentId: string, versionId: string, format: 'md' | 'docx' | 'pdf') =>
  `${base(documentId)}/versions/${encodeURIComponent(versionId)}?format=${format}&lang=${currentLanguage()}`;
export const versionMarkdownUrl = (documentId: string, versionId: string) => versionFileUrl(documentId, versionId, 'md');

export const versionsApi = {
  list: (documentId: string) => requestJson<VersionSummary[]>('GET', `${base(documentId)}/versions`),
  create: (documentId: string, name: string) => requestJson<VersionSummary>('POST', `${base(documentId)}/versions`, { name }),
  read: (documentId: string, versionId: string) => requestJson<VersionText>('GET', `${base(documentId)}/versions/${encodeURIComponent(versionId)}`),
  restore: (documentId: string, versionId: string) => requestJson<VersionSummary>('POST', `${base(documentId)}/versions/${encodeURIComponent(versionId)}/restore`),
  compare: (documentId: string, from: VersionRef, to: VersionRef) =>
    requestJson<Comparison>('GET', `${base(documentId)}/compare?${new URLSearchParams({ from, to }).toString()}`),
};

/** Newest first, as people look for the latest. */
export const newestFirst = (versions: readonly VersionSummary[]) => versions.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt));
