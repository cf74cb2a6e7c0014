/**
 * Shapes of the REST API as the client sees them. The server's presenters produce exactly these.
 */
import type { TextAccess } from './access.ts';
import type { Phase, Role, Stakeholder } from './domain.ts';
import type { Section } from './sections.ts';

export interface Person {
  id: string;
  name: string;
  email: string;
  role: Role;
  country: string;
  organisation: string;
  stakeholder: Stakeholder;
}

export interface DocumentSummary {
  id: string;
  title: string;
  phase: Phase;
  deadline: string | null;
}

export interface DocumentDetail extends DocumentSummary {
  sections: Array<Omit<Section, 'title'> & { title: string }>;
  /** What the caller may do with the text now, and why not. */
  access: TextAccess;
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export interface InviteResult {
  person: Person;
  inviteToken: string;
  inviteUrl: string;
}
