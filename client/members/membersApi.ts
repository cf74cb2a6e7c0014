/** The Secretariat's calls about who takes part in a document (server/http/routes/documents.ts). */
import type { DocumentMember } from '../../shared/api.ts';
import type { MemberRole } from '../../shared/domain.ts';
import { requestJson } from '../api.ts';

const membersPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/members`;
const memberPath = (documentId: string, personId: string) => `${membersPath(documentId)}/${encodeURIComponent(personId)}`;

export const membersApi = {
  list: (documentId: string) => requestJson<DocumentMember[]>('GET', membersPath(documentId)),
  /** Adds the person to the document, or changes their role on it. */
  set: (documentId: string, personId: string, role: MemberRole) => requestJson<DocumentMember>('PUT', memberPath(documentId, personId), { role }),
  remove: (documentId: string, personId: string) => requestJson<null>('DELETE', memberPath(documentId, personId)),
};
