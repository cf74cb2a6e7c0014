/**
 * Every word the PDF edition prints that labels.ts does not already give, in one place, so that a
 * French edition is one more table rather than a hunt through the layout code.
 */
import type { Thread } from '../../shared/api.ts';
import { THREAD_STATUS_LABELS } from '../../shared/domain.ts';

export const PDF_WORDS = {
  summary: 'Summary',
  comments: 'Comments and observations',
  noComments: 'No comments.',
  continued: '(continued)',
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  language: 'en-GB',
  /** The comment table's columns: the ISO/IEC commenting template's, with the replies beside the comment. */
  columns: ['No.', 'Member/organisation', 'Section', 'Type', 'Quoted text', 'Comment', 'Proposed change', 'Replies', 'Observations of the working group'],
  textNow: 'Text now:',
  removedSection: 'removed',
  workingGroupReply: 'Working group',
  secretariatReply: 'Secretariat',
  supportedBy: (countryNames: string[]) => `Supported by ${countryNames.join(', ')}`,
  endorsedBy: (n: number) => `Endorsed by ${n} ${n === 1 ? 'person' : 'people'}`,
  tables: {
    stakeholders: { title: 'By stakeholder group', header: ['Stakeholder group', 'Comments'] },
    types: { title: 'By type', header: ['Type', 'Comments'] },
    statuses: { title: 'By status', header: ['Status', 'Comments'] },
    countries: { title: 'Comments by country', header: ['Country', 'Respondents', 'Organisations', 'Comments'] },
    countryDispositions: { title: 'Dispositions by country', first: 'Country' },
    sections: { title: 'Dispositions by section', first: 'Section', total: 'Comments' },
    respondents: { title: 'Respondents', header: ['Name', 'Organisation', 'Country', 'Stakeholder group', 'Comments'] },
    respondentsAnonymous: { title: 'Respondents by country and stakeholder group', header: ['Country', 'Stakeholder group', 'Respondents', 'Comments'] },
  },
} as const;

/**
 * The decision and, on its own, the reason: never "Accepted: Accepted." when the reason given only
 * repeats the decision's name.
 */
export function decisionAndReason(thread: Thread): { decision: string; reason: string | null } {
  const decision = THREAD_STATUS_LABELS[thread.status];
  const reason = thread.response?.trim() || null;
  const bare = (text: string) => text.replace(/[.!\s]+$/u, '').toLowerCase();
  return { decision, reason: reason && bare(reason) !== bare(decision) ? reason : null };
}


