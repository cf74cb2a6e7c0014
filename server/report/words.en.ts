/**
 * Every word of the report's files and of the version files, in English. words.fr.ts holds the same
 * keys in French (a unit test compares them); words.ts adds the dates, numbers, lists and country
 * names of the language, so no renderer holds wording of its own. The English is the group's own:
 * these are the words of the files circulated before French was added, unchanged.
 */
const count = (n: string, one: string, many: string) => `${n} ${n === '1' ? one : many}`;

export const reportWordsEn = {
  /** The language of the file, as its metadata names it (PDF /Lang, Word's proofing language). */
  locale: 'en-GB',
  reportTitle: 'Disposition of comments',
  kinds: { general: 'General', technical: 'Technical', editorial: 'Editorial', question: 'Question' },
  statuses: { open: 'Not yet answered', accepted: 'Accepted', 'partially-accepted': 'Partially accepted', 'not-accepted': 'Not accepted', noted: 'Noted' },
  stakeholders: { government: 'Government', 'civil-society': 'Civil society', international: 'International organisation', other: 'Other' },
  phases: { drafting: 'Drafting', consultation: 'Consultation', revision: 'Revision', 'final-review': 'Final review', adopted: 'Adopted' },
  reactions: { accepts: 'Author accepts', 'maintains-objection': 'Author maintains objection' },
  yes: 'yes',
  no: 'no',

  quote: {
    removed: 'The commented text has since been removed.',
    wholeSection: 'Comment on the whole section.',
    now: (text: string) => `Text now: “${text}”`,
  },
  applied: (date: string, by: string) => `Applied on ${date} by ${by}.`,
  appliedWording: (date: string, by: string) => `Proposed wording applied on ${date} by ${by}.`,
  received: (date: string, by: string) => `Received by e-mail on ${date}, entered by ${by}.`,

  metadata: {
    reference: 'Reference',
    workingGroup: 'Working group',
    phase: 'Phase',
    deadline: 'Consultation deadline',
    adopted: 'Adopted',
    version: 'Version',
    generated: (date: string, time: string) => `Generated: ${date} (${time} UTC)`,
  },
  scope: {
    only: (filters: string) => `Only ${filters}`,
    sections: (list: string) => `sections ${list}`,
    stakeholders: (list: string) => `stakeholder groups ${list}`,
    statuses: (list: string) => `statuses ${list}`,
    /** Joins the filters: "sections 1, 2; statuses Accepted". */
    separator: '; ',
    noReplies: 'Replies not included',
    anonymous: 'Anonymous edition: commenters are identified by country and stakeholder group only',
  },
  totals: (threads: string, replies: string, endorsements: string) =>
    `${count(threads, 'comment', 'comments')}, ${count(replies, 'reply', 'replies')}, ${count(endorsements, 'endorsement', 'endorsements')}`,

  /** Headings and column titles shared by the Markdown, the XLSX and the PDF. */
  tables: {
    summary: 'Summary',
    byStakeholder: 'By stakeholder group',
    byCountry: 'By country',
    byKind: 'By type',
    byStatus: 'By status',
    bySection: 'By section',
    commentsByCountry: 'Comments by country',
    respondentsByCountry: 'Respondents by country',
    dispositionsByCountry: 'Dispositions by country',
    dispositionsBySection: 'Dispositions by section',
    respondents: 'Respondents',
    respondentsAnonymous: 'Respondents by country and stakeholder group',
    stakeholder: 'Stakeholder group',
    country: 'Country',
    kind: 'Type',
    status: 'Status',
    section: 'Section',
    name: 'Name',
    organisation: 'Organisation',
    comments: 'Comments',
    respondentsColumn: 'Respondents',
    organisations: 'Organisations',
    total: 'Total',
    government: 'Government',
    civilSociety: 'Civil society',
    international: 'International',
    other: 'Other',
    commentsSheet: 'Comments',
  },

  people: {
    workingGroup: 'Working group',
    secretariat: 'Secretariat',
    participant: 'Participant',
    participantFrom: (country: string) => `Participant from ${country}`,
    supportedBy: (countries: string) => `Supported by ${countries}`,
    endorsedByPeople: (n: string) => `Endorsed by ${count(n, 'person', 'people')}`,
    endorsedByParticipants: (n: string) => `Endorsed by ${count(n, 'participant', 'participants')}`,
  },

  markdown: {
    openInAccord: 'Open in Accord',
    textAsCommentedOn: 'Text as commented on',
    comment: 'Comment',
    proposedChange: 'Proposed change',
    by: 'By',
    replyFrom: (who: string, date: string) => `Reply from ${who}, ${date}`,
    observations: 'Observations of the working group',
    noComments: 'No comments.',
  },

  docx: {
    /** The running foot: "Page " PAGE " of " NUMPAGES. */
    pageOf: ['Page ', ' of '] as readonly [string, string],
    cover: {
      reference: 'Reference',
      version: 'Version commented on',
      noVersion: 'The text as it stands (no version recorded)',
      date: 'Date',
      workingGroup: 'Working group',
      phase: 'Phase',
      deadline: 'Consultation deadline',
      adopted: 'Adopted',
      noComments: 'No comments in this report.',
      /** "42 comments from 17 respondents in 9 countries." */
      totals: (comments: string, respondents: string, countries: string) =>
        `${count(comments, 'comment', 'comments')} from ${count(respondents, 'respondent', 'respondents')} in ${count(countries, 'country', 'countries')}.`,
    },
    summary: {
      heading: 'Summary',
      byStatus: 'Comments by disposition',
      byKind: 'Comments by type',
      byStakeholder: 'Comments by stakeholder group',
      countries: 'Countries',
      status: 'Disposition',
    },
    table: {
      heading: 'Comments and observations',
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
      /** Before the address that opens the document at the comment. */
      link: 'Link:',
    },
  },

  pdf: {
    comments: 'Comments and observations',
    pageOf: (page: string, pages: string) => `Page ${page} of ${pages}`,
    columns: ['No.', 'Member/organisation', 'Section', 'Type', 'Quoted text', 'Comment', 'Proposed change', 'Replies', 'Observations of the working group'] as readonly string[],
    textNow: 'Text now:',
    /** What a screen reader says for the link on a comment's reference. */
    openComment: (ref: string) => `Open comment ${ref} in Accord`,
    removedSection: 'removed',
  },

  unplacedSection: 'Comments on removed sections',
  noComments: 'No comments.',
  continued: '(continued)',

  version: {
    adoptedOn: (date: string) => `Adopted on ${date}`,
  },
};

export type ReportCatalogue = typeof reportWordsEn;
