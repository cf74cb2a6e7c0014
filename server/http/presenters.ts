/** The fields a client sees. Storage records never leave the server as they are (no token hashes). */
import type { DocumentDetail, DocumentSummary, Person } from '../../shared/api.ts';
import type { TextAccess } from '../../shared/access.ts';
import type { Section } from '../../shared/sections.ts';
import type { DocumentRecord, PersonRecord } from '../storage/records.ts';

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

export const presentPersonForSecretariat = (p: PersonRecord) => ({ ...presentPerson(p), active: p.active, createdAt: p.createdAt });

export const presentDocumentSummary = (d: DocumentRecord): DocumentSummary => ({
  id: d.id,
  title: d.title,
  phase: d.phase,
  deadline: d.deadline,
});

export const presentDocumentDetail = (d: DocumentRecord, sections: Section[], access: TextAccess): DocumentDetail => ({
  ...presentDocumentSummary(d),
  sections: sections.map(({ id, number, title, level }) => ({ id, number, title, level })),
  access,
  adoptedAt: d.adoptedAt ?? null,
  generation: generationOf(d),
});

export const generationOf = (d: DocumentRecord): string => d.generation ?? '1';
