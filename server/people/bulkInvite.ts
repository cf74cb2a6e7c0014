/**
 * Inviting a list of people at once. The preview and the creation judge the list by the same rules
 * (bulkRows.ts); creation checks the whole list again and stores every person with their
 * memberships in one write, or, when any row is refused, nothing at all.
 */
import type { BulkInvitePreview, BulkRow } from '../../shared/bulkInvite.ts';
import type { MemberRole, Role } from '../../shared/domain.ts';
import { errors, type Words } from '../errors.ts';
import { EmailAlreadyTaken, type MembershipRecord, type PersonRecord, type Records } from '../storage/records.ts';
import { judgeRows, type JudgedRow } from './bulkRows.ts';
import { isArchived } from './members.ts';
import type { PeopleDeps } from './people.ts';
import { hashSecret, newId, newSecret } from './tokens.ts';
import { withMail, type PendingMail } from '../mail/notifier.ts';

export interface BulkInviteOptions {
  defaultRole: Role;
  /** One document they all join with this role; without it, every document not archived, with their own role. */
  document?: { id: string; role: MemberRole } | null;
}

async function judge(records: Records, rows: readonly BulkRow[], defaultRole: Role): Promise<JudgedRow[]> {
  const existing = new Map((await records.people.list()).map((p) => [p.email.trim().toLowerCase(), p.name]));
  return judgeRows(rows, defaultRole, existing);
}

/** What would happen to each row; creates nothing. */
export async function previewBulkInvite(records: Records, rows: readonly BulkRow[], defaultRole: Role): Promise<BulkInvitePreview> {
  const judged = await judge(records, rows, defaultRole);
  const valid = judged.filter((j) => j.person).length;
  return { rows: judged.map((j) => j.verdict), valid, invalid: judged.length - valid };
}

/** A refused list: the English for logs and English readers, and the catalogue entry for every reader. */
const refused = (message: string, words: Words) => errors.invalidInput(`${message} Nothing was created.`).saying(words.key, words.values);

/** The documents they will take part in: the one chosen (which must exist and be open), or every one not archived. */
async function documentsToJoin(records: Records, chosen: BulkInviteOptions['document']): Promise<Array<{ id: string; role: MemberRole | null }>> {
  const documents = await records.documents.list();
  if (!chosen) return documents.filter((d) => !isArchived(d)).map((d) => ({ id: d.id, role: null }));
  const document = documents.find((d) => d.id === chosen.id);
  if (!document) throw refused(`document: no such document: ${chosen.id}.`, { key: 'error.bulk.noDocument', values: { id: chosen.id } });
  if (isArchived(document)) throw refused(`document: “${document.title}” is archived and takes no new members.`, { key: 'error.bulk.archived', values: { title: document.title } });
  return [{ id: document.id, role: chosen.role }];
}

/**
 * Creates every person of the list with their sign-in token, or throws (400) naming the first
 * refused row and creates none.
 */
export async function inviteMany(
  deps: PeopleDeps,
  actor: PersonRecord,
  rows: readonly BulkRow[],
  options: BulkInviteOptions,
  /** Their invitations, held before the list is stored and released once it is (nothing lost, none for people not created). */
  invitations?: (created: Array<{ person: PersonRecord; token: string }>) => Promise<PendingMail>,
): Promise<Array<{ person: PersonRecord; token: string }>> {
  if (rows.length === 0) throw refused('The list is empty.', { key: 'error.bulk.empty' });
  const judged = await judge(deps.records, rows, options.defaultRole);
  const bad = judged.filter((j) => !j.person);
  if (bad.length) {
    const first = bad[0]!.verdict;
    const more = bad.length > 1 ? ` ${bad.length - 1} more ${bad.length === 2 ? 'row has' : 'rows have'} problems too.` : '';
    const problem = first.problems[0];
    throw refused(`Row ${first.row}: ${problem?.message ?? 'cannot be read.'}${more}`, {
      key: 'error.bulk.row',
      values: { row: first.row, more: bad.length - 1, problem: problem ? { key: `bulkProblem.${problem.code}`, values: problem.values } : { key: 'error.bulk.unreadableRow' } },
    });
  }
  const joined = await documentsToJoin(deps.records, options.document);
  const createdAt = new Date().toISOString();
  const created: Array<{ person: PersonRecord; token: string }> = [];
  const memberships: MembershipRecord[] = [];
  for (const { person: fields } of judged) {
    const token = newSecret();
    const person: PersonRecord = { id: newId(), ...fields!, tokenHash: hashSecret(token), active: true, createdAt, firstSignInAt: null };
    created.push({ person, token });
    // The Secretariat takes part in every document and needs no membership.
    if (person.role === 'secretariat') continue;
    for (const document of joined) memberships.push({ documentId: document.id, personId: person.id, role: document.role ?? person.role, addedAt: createdAt });
  }
  try {
    await withMail(invitations?.(created), () => deps.records.people.insertMany(created.map((c) => c.person), memberships).then(() => true));
  } catch (error) {
    // Someone else invited one of these addresses between the check above and the write.
    if (error instanceof EmailAlreadyTaken) {
      throw errors.conflict('email_taken', `${error.message}. Nothing was created; check the list again.`).saying('error.bulk.emailTaken', { email: error.email });
    }
    throw error;
  }
  for (const { person } of created) {
    await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'person.invite', target: person.id, detail: { name: person.name, role: person.role, list: true } });
  }
  return created;
}
