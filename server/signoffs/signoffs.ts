/**
 * The Permanent Correspondents' sign-off of the final text: approve, approve with reservations, or
 * object, with a statement; changeable until adoption. The tally shows who has signed and how, and
 * which countries have not.
 */
import type { Signoff, SignoffTally } from '../../shared/api.ts';
import { SIGNOFF_DECISIONS, type Phase, type SignoffDecision } from '../../shared/domain.ts';
import type { PersonRecord, Records } from '../storage/records.ts';
import type { SignoffRecord, SignoffRepo } from '../storage/versionRecords.ts';
import type { AuditLog } from '../storage/auditLog.ts';
import { authorize } from '../rights.ts';
import { errors } from '../errors.ts';
import { newId } from '../people/tokens.ts';
import { presentAuthor } from '../threads/present.ts';

export type Decision = SignoffDecision;

export interface SignoffDeps {
  records: Records;
  signoffs: SignoffRepo;
  audit: AuditLog;
}

const present = (s: SignoffRecord, people: Map<string, PersonRecord>): Signoff => ({
  id: s.id,
  documentId: s.documentId,
  reviewer: presentAuthor(people.get(s.reviewerId)),
  decision: s.decision,
  statement: s.statement,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  history: (s.history ?? []).map((h) => ({ decision: h.decision, statement: h.statement, at: h.at })),
});

async function documentOf(deps: SignoffDeps, documentId: string) {
  const document = await deps.records.documents.get(documentId);
  if (!document) throw errors.notFound('document');
  return document;
}

const peopleById = async (records: Records) => new Map((await records.people.list()).map((p) => [p.id, p]));

export async function submitSignoff(deps: SignoffDeps, actor: PersonRecord, documentId: string, decision: Decision, statement: string | null | undefined) {
  authorize(actor, 'signoff.submit', await documentOf(deps, documentId));
  const text = statement?.trim() || null;
  if (decision !== 'approve' && !text) throw errors.invalidInput('statement: say what your reservations or objections are').saying('error.signoffs.statementNeeded');
  const at = new Date().toISOString();
  const saved = await deps.signoffs.upsert({ id: newId(), documentId, reviewerId: actor.id, decision, statement: text, createdAt: at, updatedAt: at });
  await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'signoff', target: documentId, detail: { decision } });
  return present(saved, await peopleById(deps.records));
}

export async function listSignoffs(deps: SignoffDeps, documentId: string) {
  await documentOf(deps, documentId);
  const people = await peopleById(deps.records);
  return (await deps.signoffs.list(documentId)).map((s) => present(s, people));
}

/** Who has signed and how, by reviewer and by country, and which reviewers' countries have not. */
export async function signoffTally(deps: SignoffDeps, documentId: string): Promise<SignoffTally> {
  const document = await documentOf(deps, documentId);
  const people = await peopleById(deps.records);
  const signoffs = await deps.signoffs.list(documentId);
  const byReviewer = new Map(signoffs.map((s) => [s.reviewerId, s]));
  const reviewerIds = new Set((await deps.records.memberships.forDocument(documentId)).filter((m) => m.role === 'reviewer').map((m) => m.personId));
  const reviewers = [...people.values()].filter((p) => reviewerIds.has(p.id) && p.active);
  const byDecision = Object.fromEntries(SIGNOFF_DECISIONS.map((d) => [d, 0])) as Record<Decision, number>;
  for (const s of signoffs) byDecision[s.decision]++;
  const countries = new Map<string, { country: string; reviewers: number; signed: number }>();
  for (const reviewer of reviewers) {
    const entry = countries.get(reviewer.country) ?? { country: reviewer.country, reviewers: 0, signed: 0 };
    entry.reviewers++;
    if (byReviewer.has(reviewer.id)) entry.signed++;
    countries.set(reviewer.country, entry);
  }
  return {
    phase: document.phase as Phase,
    byDecision,
    reviewers: reviewers.map((r) => ({ reviewer: presentAuthor(r), signoff: byReviewer.has(r.id) ? present(byReviewer.get(r.id)!, people) : null })),
    countriesNotSigned: [...countries.values()].filter((c) => c.signed === 0).map((c) => c.country).toSorted(),
  };
}
