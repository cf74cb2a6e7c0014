/**
 * Comment references ("DE-007"): the ISO habit of the member body's country code and a running
 * number per country in each document. The store allocates the number (storage/threadRecords.ts);
 * this module only decides the prefix. A reference is given once and never changes, even when the
 * author's country later does.
 */
import type { PersonRecord, Records } from '../storage/records.ts';
import type { ThreadRecord, ThreadRepo } from '../storage/threadRecords.ts';

/** The Secretariat's own comments, whatever its country. */
export const SECRETARIAT_PREFIX = 'SEC';
/** Authors without a country: ISO 3166's user-assigned code, read as "no country". */
export const NO_COUNTRY_PREFIX = 'XX';

export function refPrefix(author: Pick<PersonRecord, 'role' | 'country'> | undefined): string {
  if (author?.role === 'secretariat') return SECRETARIAT_PREFIX;
  const country = author?.country?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(country) ? country : NO_COUNTRY_PREFIX;
}

/** At start: threads stored before references existed get theirs, once (see ThreadRepo.giveMissingRefs). */
export async function giveMissingRefs(threads: ThreadRepo, records: Pick<Records, 'people'>): Promise<number> {
  const people = new Map((await records.people.list()).map((p) => [p.id, p]));
  return threads.giveMissingRefs((thread: ThreadRecord) => refPrefix(people.get(thread.authorId)));
}
