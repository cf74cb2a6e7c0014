/**
 * Compare two versions of a document (or a version and the live text), and name for each changed
 * section the answered comments that led to it: accepted or partially accepted threads of that
 * section answered in between, and proposed wordings applied in between.
 */
import { readSectionTexts } from '../documents/text.ts';
import { errors } from '../errors.ts';
import type { ThreadRepo } from '../storage/threadRecords.ts';
import type { Records } from '../storage/records.ts';
import { compareTexts } from './compare.ts';
import { CURRENT_TEXT, type ChangeCause, type ComparedSection, type Comparison } from '../../shared/versions.ts';
import { versionDoc, type VersionDeps } from './versions.ts';
import { localName } from './versionNames.ts';
import { translate } from '../i18n.ts';
import type { Language } from '../../shared/i18n/languages.ts';

export interface CompareDeps extends VersionDeps {
  threads: ThreadRepo;
  records: Records;
}

async function textOf(deps: CompareDeps, documentId: string, ref: string, language: Language) {
  if (ref === CURRENT_TEXT) {
    const text = await deps.collab.rooms.use(documentId, (room) => readSectionTexts(room.doc));
    return { text, at: new Date().toISOString(), name: translate(language, 'compare.current') };
  }
  const { version, doc } = await versionDoc(deps, documentId, ref);
  const text = readSectionTexts(doc);
  doc.destroy();
  return { text, at: version.createdAt, name: localName(version, language) };
}

export async function compareVersions(deps: CompareDeps, documentId: string, fromRef: string, toRef: string, language: Language = 'en'): Promise<Comparison> {
  if (!(await deps.records.documents.get(documentId))) throw errors.notFound('document');
  const [from, to] = await Promise.all([textOf(deps, documentId, fromRef, language), textOf(deps, documentId, toRef, language)]);
  const compared = compareTexts(from.text, to.text);
  const [earlier, later] = from.at <= to.at ? [from.at, to.at] : [to.at, from.at];
  const people = new Map((await deps.records.people.list()).map((p) => [p.id, p.name]));
  const causes = new Map<string, ChangeCause[]>();
  for (const thread of await deps.threads.list(documentId)) {
    if (thread.withdrawnAt) continue;
    const accepted = thread.dispositions.some((d) => (d.status === 'accepted' || d.status === 'partially-accepted') && d.at > earlier && d.at <= later);
    const applied = !!thread.applied && thread.applied.at > earlier && thread.applied.at <= later;
    if (!accepted && !applied) continue;
    const list = causes.get(thread.sectionId) ?? [];
    list.push({ id: thread.id, status: thread.status, applied, body: thread.body, response: thread.response, author: people.get(thread.authorId) ?? translate(language, 'compare.formerParticipant') });
    causes.set(thread.sectionId, list);
  }
  const sections: ComparedSection[] = compared.sections.map((s) => ({
    ...s,
    threads: s.change === 'unchanged' ? [] : (causes.get(s.id) ?? []),
  }));
  return { from: { ref: fromRef, name: from.name, at: from.at }, to: { ref: toRef, name: to.name, at: to.at }, preamble: compared.preamble, sections };
}
