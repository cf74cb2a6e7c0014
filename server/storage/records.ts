/**
 * The records the server keeps (people, sessions, documents), behind small repository interfaces.
 * Routes and domain modules see only these interfaces; lowdb is one implementation of them
 * (lowdbRecords.ts), and a PostgreSQL one can replace it without touching anything above.
 * Every mutating method resolves only once the change is durable.
 */
import type { MemberRole, Phase, Role, Stakeholder } from '../../shared/domain.ts';
import type { Language, NotificationSettings } from '../../shared/notifications.ts';

export interface PersonRecord {
  id: string;
  name: string;
  email: string;
  /**
   * `secretariat`: every document. Any other role is the one the person was invited with; their
   * rights on a document come from their membership of it (MembershipRecord), never from this.
   */
  role: Role;
  country: string;
  organisation: string;
  stakeholder: Stakeholder;
  /** The language of the person's e-mails; missing on records older than this field: English. */
  language?: Language;
  /** The person's choices about e-mail, per kind; kinds not listed take the defaults. */
  notifications?: Partial<NotificationSettings>;
  /** sha256 of the person's sign-in token; the token itself is never stored. */
  tokenHash: string;
  active: boolean;
  createdAt: string;
  /** True for the account created at first start. */
  bootstrap?: boolean;
  /**
   * When the person first signed in; null until they do. Missing only on records older than this
   * field, until the start that reads their sign-ins back from the audit log (signInBackfill.ts).
   */
  firstSignInAt?: string | null;
  /**
   * When the person was last seen using Accord, to within a few minutes (sessions.ts writes it at
   * most every LAST_SEEN_EVERY_MS). Missing until they are next seen.
   */
  lastSeenAt?: string;
}

export interface SessionRecord {
  /** sha256 of the session id held in the cookie. */
  idHash: string;
  personId: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface DocumentRecord {
  id: string;
  title: string;
  phase: Phase;
  deadline: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * Changes when the text is restored from a backup. A client still holding the text from before must
   * not merge it into the restored one (two separate histories of the same words merge into doubled
   * text), so it is refused and starts afresh. Missing on records older than this field: "1".
   */
  generation?: string;
  /** Set when the document is adopted. */
  adoptedAt?: string | null;
  adoptedBy?: string | null;
  /** Details the Secretariat keeps (missing on older records: empty, English). */
  reference?: string;
  language?: 'en' | 'fr';
  description?: string;
  workingGroup?: string;
  /** Archived: read-only for everyone, left out of the list unless asked for. */
  archived?: boolean;
  archivedAt?: string | null;
  /** Set the first time the document opens for consultation; a draft without it may be deleted. */
  consultationOpenedAt?: string | null;
  /** The document this one is the next edition of. */
  editionOf?: { id: string; title: string } | null;
}

/** A person takes part in a document, with a role on that document. */
export interface MembershipRecord {
  documentId: string;
  personId: string;
  role: MemberRole;
  addedAt: string;
}

export interface PeopleRepo {
  list(): Promise<PersonRecord[]>;
  get(id: string): Promise<PersonRecord | undefined>;
  /** Those of these ids that exist, in no particular order. */
  getMany(ids: readonly string[]): Promise<PersonRecord[]>;
  findByTokenHash(tokenHash: string): Promise<PersonRecord | undefined>;
  findBootstrap(): Promise<PersonRecord | undefined>;
  /** Adds the person and the documents they take part in, in one durable write. */
  insert(person: PersonRecord, memberships?: MembershipRecord[]): Promise<void>;
  /**
   * Adds several people and their memberships in one durable write (one transaction), or none of
   * them; refuses (throws) when an e-mail address is already taken, so that two bulk invitations
   * racing each other cannot both add it.
   */
  insertMany(people: PersonRecord[], memberships: MembershipRecord[]): Promise<void>;
  /**
   * Changes the person; with `memberRole`, also gives them that role on every document they take
   * part in, in the same durable write.
   */
  update(id: string, patch: Partial<Omit<PersonRecord, 'id'>>, memberRole?: MemberRole): Promise<PersonRecord | undefined>;
}

export interface SessionRepo {
  get(idHash: string): Promise<SessionRecord | undefined>;
  /** Those of these sessions that exist, in no particular order. */
  getMany(idHashes: readonly string[]): Promise<SessionRecord[]>;
  insert(session: SessionRecord): Promise<void>;
  /** Marks these sessions as used at `at`, in one write. */
  touchMany(idHashes: readonly string[], at: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteForPerson(personId: string): Promise<void>;
  deleteIdleSince(before: string): Promise<number>;
}

export interface DocumentRepo {
  list(): Promise<DocumentRecord[]>;
  get(id: string): Promise<DocumentRecord | undefined>;
  update(id: string, patch: Partial<Omit<DocumentRecord, 'id'>>): Promise<DocumentRecord | undefined>;
  /** Adds a new document; refuses (throws) an id already taken. */
  insert(document: DocumentRecord): Promise<void>;
  /** Removes a document's record; true if there was one. */
  remove(id: string): Promise<boolean>;
  /** True once the seed drafts have been imported; never imported again after that. */
  isSeeded(): Promise<boolean>;
  /** Adds the seed documents and marks the import done, in one durable write. */
  completeSeed(documents: DocumentRecord[]): Promise<void>;
}

export interface MembershipRepo {
  get(documentId: string, personId: string): Promise<MembershipRecord | undefined>;
  forDocument(documentId: string): Promise<MembershipRecord[]>;
  forPerson(personId: string): Promise<MembershipRecord[]>;
  /** Adds the person to the document or changes their role on it, in one durable write. */
  set(membership: MembershipRecord): Promise<void>;
  /** Takes the person out of the document; false when they were not in it. */
  remove(documentId: string, personId: string): Promise<boolean>;
}

export interface Records {
  people: PeopleRepo;
  memberships: MembershipRepo;
  sessions: SessionRepo;
  documents: DocumentRepo;
  close(): Promise<void>;
}

/** A repository refused a person because their e-mail address already has an account; nothing was written. */
export class EmailAlreadyTaken extends Error {
  constructor(readonly email: string) {
    super(`${email} already has an account`);
  }
}
