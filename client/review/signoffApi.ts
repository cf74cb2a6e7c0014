/** Sign-offs of the final text and the tally, as the client fetches them. */
import type { Signoff, SignoffTally as Tally } from '../../shared/api.ts';
import { requestJson } from '../api.ts';
import type { Decision } from './decisions.ts';

export type { Signoff, SignoffTally as Tally } from '../../shared/api.ts';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/signoffs`;

export const signoffApi = {
  list: (documentId: string) => requestJson<Signoff[]>('GET', base(documentId)),
  submit: (documentId: string, decision: Decision, statement: string | null) => requestJson<Signoff>('POST', base(documentId), { decision, statement }),
  tally: (documentId: string) => requestJson<Tally>('GET', `${base(documentId)}/tally`),
};
