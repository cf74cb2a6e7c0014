/** The Secretariat's calls about people: list, invite, change, deactivate, and new sign-in links. */
import type { InviteResult, ManagedPerson, Person } from '../../shared/api.ts';
import type { BulkInviteCreated, BulkInvitePreview, BulkInviteRequest } from '../../shared/bulkInvite.ts';
import { requestJson } from '../api.ts';

export type { ManagedPerson };

export type NewPerson = Omit<Person, 'id' | 'language'> & { language?: Person['language'] };
export type PersonChange = Partial<NewPerson> & { active?: boolean };

const personPath = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export const peopleApi = {
  list: () => requestJson<ManagedPerson[]>('GET', '/api/people'),
  /** Without `documents`, the person takes part in every document that is not archived. */
  invite: (fields: NewPerson & { documents?: string[] }) => requestJson<InviteResult>('POST', '/api/people', fields),
  change: (id: string, change: PersonChange) => requestJson<ManagedPerson>('PATCH', personPath(id), change),
  /** A new link; the old one stops working at once. */
  newLink: (id: string) => requestJson<InviteResult>('POST', `${personPath(id)}/invitation`),
  /** The server's judgement of each row of a list; creates nothing. */
  previewBulk: (request: BulkInviteRequest) => requestJson<BulkInvitePreview>('POST', '/api/people/bulk/preview', request),
  /** Creates every row, or none when any is refused. */
  inviteBulk: (request: BulkInviteRequest) => requestJson<BulkInviteCreated>('POST', '/api/people/bulk', request),
};
