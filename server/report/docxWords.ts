/**
 * Every word the Word edition of the report adds to those of labels.ts, in one place, so that a
 * French edition is one more object of the same shape and the renderer holds no wording of its own.
 */
import { STAKEHOLDER_LABELS, THREAD_KIND_LABELS, THREAD_STATUS_LABELS, type Stakeholder, type ThreadKind, type ThreadStatus } from '../../shared/domain.ts';
import { countryName } from '../../shared/countryNames.ts';

/** Names already looked up: Intl.DisplayNames is slow enough to matter over thousands of rows. */
const countryNames = new Map<string, string>();
const nameOf = (code: string) => countryNames.get(code) ?? countryNames.set(code, countryName(code, 'en')).get(code)!;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const list = (names: readonly string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

export const DOCX_WORDS = {
  country: nameOf,
  stakeholder: (group: Stakeholder) => STAKEHOLDER_LABELS[group],
  kind: (kind: ThreadKind) => THREAD_KIND_LABELS[kind],
  status: (status: ThreadStatus) => THREAD_STATUS_LABELS[status],

  /** The running head and foot of every page. */
  pageOf: ['Page ', ' of '] as const,

  cover: {
    reference: 'Reference',
    version: 'Version commented on',
    noVersion: 'The text as it stands (no version recorded)',
    date: 'Date',
    workingGroup: 'Working group',
    phase: 'Phase',
    deadline: 'Consultation deadline',
    adopted: 'Adopted',
    /** "42 comments from 17 respondents in 9 countries." */
    totals: (comments: number, respondents: number, countries: number) =>
      comments === 0
        ? 'No comments in this report.'
        : `${count(comments, 'comment', 'comments')} from ${count(respondents, 'respondent', 'respondents')} in ${count(countries, 'country', 'countries')}.`,
  },

  summary: {
    heading: 'Summary',
    byStatus: 'Comments by disposition',
    byKind: 'Comments by type',
    byStakeholder: 'Comments by stakeholder group',
    countries: 'Countries',
    countryByStatus: 'Dispositions by country',
    bySection: 'Dispositions by section',
    respondents: 'Respondents',
    respondentsAnonymous: 'Respondents by country and stakeholder group',
    status: 'Disposition',
    kind: 'Type',
    stakeholder: 'Stakeholder group',
    country: 'Country',
    section: 'Section',
    name: 'Name',
    organisation: 'Organisation',
    respondentsColumn: 'Respondents',
    organisationsColumn: 'Organisations',
    comments: 'Comments',
    total: 'Total',
  },

  table: {
    heading: 'Comments and observations',
    noComments: 'No comments.',
    columns: {
      ref: 'No.',
      member: 'Member/organisation',
      section: 'Section',
      kind: 'Type',
      quote: 'Text commented on',
      comment: 'Comment',
      proposed: 'Proposed change',
      replies: 'Replies',
      observations: 'Observations of the working group',
    },
    removedSection: 'Removed',
    continued: '(continued)',
    link: (url: string) => `Link: ${url}`,
    supportedBy: (countries: readonly string[]) => `Supported by ${list(countries)}`,
    endorsedBy: (n: number) => `Endorsed by ${count(n, 'participant', 'participants')}`,
    /** The author a redline is attributed to in Word's review pane. */
    revisionAuthor: 'Working group',
    workingGroup: 'Working group',
    secretariat: 'Secretariat',
    participantFrom: (country: string) => `Participant from ${country}`,
  },
};
