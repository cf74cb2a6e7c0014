/**
 * Versions of a document's text and the comparison of two of them, as the client reads them. The
 * shapes mirror server/versions/*.ts; they belong in shared/api.ts.
 */
import type { Phase } from '../../shared/domain.ts';
import { requestJson } from '../api.ts';

export interface VersionSummary {
  id: string;
  name: string;
  createdAt: string;
  /** The name of who took it; "Automatic" for those taken at a phase change. */
  createdBy: string | null;
  /** The phase the document was in when the version was taken. */
  phase: Phase;
  automatic: boolean;
}

export interface VersionSection {
  id: string;
  number: string;
  title: string;
  level: number;
  /** Plain text, one line per paragraph or list item. */
  text: string;
}

export interface VersionText extends VersionSummary {
  preamble: string;
  sections: VersionSection[];
}

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export type SectionChange = 'added' | 'removed' | 'changed' | 'unchanged';

/** An answered comment that led to a change of the section. */
export interface ChangeCause {
  id: string;
  status: string;
  applied: boolean;
  body: string;
  response: string | null;
  author: string;
}

export interface ComparedSection {
  id: string;
  number: string;
  title: string;
  level: number;
  change: SectionChange;
  diff: DiffPart[];
  titleDiff?: DiffPart[];
  previousNumber?: string;
  threads: ChangeCause[];
}

export interface Comparison {
  from: { ref: string; name: string; at: string };
  to: { ref: string; name: string; at: string };
  preamble: DiffPart[];
  sections: ComparedSection[];
}

/** "current" is the live text. */
export type VersionRef = string;
export const CURRENT = 'current';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export const versionFileUrl = (documentId: string, versionId: string, format: 'md' | 'docx' | 'pdf') =>
  `${base(documentId)}/versions/${encodeURIComponent(versionId)}?format=${format}`;
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
