/** The fields a client sees. Storage records never leave the server as they are (no token hashes). */
import type { DocumentDetail, DocumentMember, ManagedPerson, Person } from '../../shared/api.ts';
import type { TextAccess } from '../../shared/access.ts';
import type { MemberRole, Role } from '../../shared/domain.ts';
import type { DocumentDetails } from '../../shared/documentImport.ts';
import type { Section } from '../../shared/sections.ts';
import type { DocumentRecord, PersonRecord } from '../storage/records.ts';
import { generationOf, presentDocumentSummary } from '../documents/present.ts';

export { generationOf, presentDocumentSummary };

export const presentPerson = (p: PersonRecord): Person => ({
  id: p.id,
  name: p.name,
  email: p.email,
  role: p.role,
  country: p.country,
  organisation: p.organisation,
  stakeholder: p.stakeholder,
  language: p.language ?? 'en',
});

export const presentPersonForSecretariat = (p: PersonRecord): ManagedPerson => ({
  ...presentPerson(p),
  active: p.active,
  createdAt: p.createdAt,
  firstSignInAt: p.firstSignInAt ?? null,
  lastSeenAt: p.lastSeenAt ?? null,
});

export const presentMember = (m: { person: PersonRecord; role: MemberRole }): DocumentMember => ({ person: presentPersonForSecretariat(m.person), role: m.role });

export const presentDocumentDetail = (d: DocumentRecord, sections: Section[], access: TextAccess, role: Role): DocumentDetail => ({
  ...presentDocumentSummary(d),
  role,
  sections: sections.map(({ id, number, title, level }) => ({ id, number, title, level })),
  access,
  adoptedAt: d.adoptedAt ?? null,
  generation: generationOf(d),
  ...presentDocumentDetails(d),
});

/** A document's details; records older than these fields read as empty, in English. */
export const presentDocumentDetails = (d: DocumentRecord): DocumentDetails => ({
  reference: d.reference ?? '',
  language: d.language ?? 'en',
  description: d.description ?? '',
  workingGroup: d.workingGroup ?? '',
  archived: d.archived ?? false,
  editionOf: d.editionOf ?? null,
});

