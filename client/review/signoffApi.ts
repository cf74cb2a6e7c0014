/** Sign-offs of the final text and the tally, as the client reads them (shapes of server/signoffs/signoffs.ts). */
import type { ThreadAuthor } from '../../shared/api.ts';
import type { Phase } from '../../shared/domain.ts';
import { requestJson } from '../api.ts';
import type { Decision } from './decisions.ts';

export interface Signoff {
  id: string;
  documentId: string;
  reviewer: ThreadAuthor;
  decision: Decision;
  statement: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Tally {
  phase: Phase;
  byDecision: Record<Decision, number>;
  reviewers: Array<{ reviewer: ThreadAuthor; signoff: Signoff | null }>;
  /** ISO codes of the countries none of whose reviewers has signed. */
  countriesNotSigned: string[];
}

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/signoffs`;

export const signoffApi = {
  list: (documentId: string) => requestJson<Signoff[]>('GET', base(documentId)),
  submit: (documentId: string, decision: Decision, statement: string | null) => requestJson<Signoff>('POST', base(documentId), { decision, statement }),
  tally: (documentId: string) => requestJson<Tally>('GET', `${base(documentId)}/tally`),
};
