/**
 * Every word of the report's files and of the version files, in French: the Secretariat's own
 * register (observations, suite donnée, libellé proposé, groupe de travail, Correspondants permanents,
 * société civile), as in the e-mails (server/mail/words.ts), not a word-for-word copy of the English.
 * Same keys as words.en.ts; a unit test keeps them so.
 */
import type { ReportCatalogue } from './words.en.ts';

// French counts 0 and 1 in the singular: "0 observation", "1 observation", "2 observations".
const count = (n: string, one: string, many: string) => `${n} ${n === '0' || n === '1' ? one : many}`;

export const reportWordsFr: ReportCatalogue = {
  locale: 'fr-FR',
  reportTitle: 'Compilation des observations et suite donnée',
  kinds: { general: 'Générale', technical: 'Technique', editorial: 'Rédactionnelle', question: 'Question' },
  statuses: { open: 'Sans réponse à ce jour', accepted: 'Acceptée', 'partially-accepted': 'Partiellement acceptée', 'not-accepted': 'Non retenue', noted: 'Prise en note' },
  stakeholders: { government: 'Gouvernement', 'civil-society': 'Société civile', international: 'Organisation internationale', other: 'Autre' },
  phases: { drafting: 'Rédaction', consultation: 'Consultation', revision: 'Révision', 'final-review': 'Examen final', adopted: 'Adopté' },
  reactions: { accepts: 'L’auteur accepte', 'maintains-objection': 'L’auteur maintient son objection' },
  yes: 'oui',
  no: 'non',

  quote: {
    removed: 'Le passage commenté a été supprimé depuis.',
    wholeSection: 'Observation portant sur l’ensemble de la section.',
    now: (text) => `Texte actuel : « ${text} »`,
  },
  applied: (date, by) => `Intégré au texte le ${date} par ${by}.`,
  appliedWording: (date, by) => `Libellé proposé intégré au texte le ${date} par ${by}.`,
  received: (date, by) => `Reçue par courriel le ${date}, saisie par ${by}.`,

  metadata: {
    reference: 'Référence',
    workingGroup: 'Groupe de travail',
    phase: 'Étape',
    deadline: 'Date limite de la consultation',
    adopted: 'Adoption',
    version: 'Version',
    generated: (date, time) => `Établi le ${date} (${time} UTC)`,
  },
  scope: {
    only: (filters) => `Uniquement : ${filters}`,
    sections: (list) => `sections ${list}`,
    stakeholders: (list) => `catégories de parties prenantes ${list}`,
    statuses: (list) => `suites données ${list}`,
    separator: ' ; ',
    noReplies: 'Réponses non incluses',
    anonymous: 'Édition anonymisée : les auteurs des observations ne sont identifiés que par leur pays et leur catégorie de parties prenantes',
  },
  totals: (threads, replies, endorsements) =>
    `${count(threads, 'observation', 'observations')}, ${count(replies, 'réponse', 'réponses')}, ${count(endorsements, 'soutien', 'soutiens')}`,

  tables: {
    summary: 'Synthèse',
    byStakeholder: 'Par catégorie de parties prenantes',
    byCountry: 'Par pays',
    byKind: 'Par type',
    byStatus: 'Par suite donnée',
    bySection: 'Par section',
    commentsByCountry: 'Observations par pays',
    respondentsByCountry: 'Contributeurs par pays',
    dispositionsByCountry: 'Suite donnée par pays',
    dispositionsBySection: 'Suite donnée par section',
    respondents: 'Contributeurs',
    respondentsAnonymous: 'Contributeurs par pays et par catégorie de parties prenantes',
    stakeholder: 'Catégorie de parties prenantes',
    country: 'Pays',
    kind: 'Type',
    status: 'Suite donnée',
    section: 'Section',
    name: 'Nom',
    organisation: 'Organisation',
    comments: 'Observations',
    respondentsColumn: 'Contributeurs',
    organisations: 'Organisations',
    total: 'Total',
    government: 'Gouvernement',
    civilSociety: 'Société civile',
    international: 'Organisations internationales',
    other: 'Autres',
    commentsSheet: 'Observations',
  },

  people: {
    workingGroup: 'Groupe de travail',
    secretariat: 'Secrétariat',
    participant: 'Participant',
    participantFrom: (country) => `Participant (${country})`,
    supportedBy: (countries) => `Soutenue par : ${countries}`,
    endorsedByPeople: (n) => `Soutenue par ${count(n, 'personne', 'personnes')}`,
    endorsedByParticipants: (n) => `Soutenue par ${count(n, 'participant', 'participants')}`,
  },

  markdown: {
    openInAccord: 'Ouvrir dans Accord',
    textAsCommentedOn: 'Passage commenté',
    comment: 'Observation',
    proposedChange: 'Libellé proposé',
    by: 'Auteur :',
    replyFrom: (who, date) => `Réponse de ${who}, ${date}`,
    observations: 'Suite donnée par le groupe de travail',
    noComments: 'Aucune observation.',
  },

  docx: {
    pageOf: ['Page ', ' sur '],
    cover: {
      reference: 'Référence',
      version: 'Version commentée',
      noVersion: 'Le texte en l’état (aucune version enregistrée)',
      date: 'Date',
      workingGroup: 'Groupe de travail',
      phase: 'Étape',
      deadline: 'Date limite de la consultation',
      adopted: 'Adoption',
      noComments: 'Aucune observation dans ce document.',
      totals: (comments, respondents, countries) =>
        `${count(comments, 'observation reçue', 'observations reçues')} de ${count(respondents, 'contributeur', 'contributeurs')} de ${count(countries, 'pays', 'pays')}.`,
    },
    summary: {
      heading: 'Synthèse',
      byStatus: 'Observations par suite donnée',
      byKind: 'Observations par type',
      byStakeholder: 'Observations par catégorie de parties prenantes',
      countries: 'Pays',
      status: 'Suite donnée',
    },
    table: {
      heading: 'Observations et suite donnée',
      columns: {
        ref: 'N°',
        member: 'Membre/organisation',
        section: 'Section',
        kind: 'Type',
        quote: 'Passage commenté',
        comment: 'Observation',
        proposed: 'Libellé proposé',
        replies: 'Réponses',
        observations: 'Suite donnée par le groupe de travail',
      },
      removedSection: 'Supprimée',
      link: 'Lien :',
    },
  },

  pdf: {
    comments: 'Observations et suite donnée',
    pageOf: (page, pages) => `Page ${page} sur ${pages}`,
    columns: ['N°', 'Membre/organisation', 'Section', 'Type', 'Passage commenté', 'Observation', 'Libellé proposé', 'Réponses', 'Suite donnée par le groupe de travail'],
    textNow: 'Texte actuel :',
    openComment: (ref) => `Ouvrir l’observation ${ref} dans Accord`,
    removedSection: 'supprimée',
  },

  unplacedSection: 'Observations portant sur des sections supprimées',
  noComments: 'Aucune observation.',
  continued: '(suite)',

  version: {
    adoptedOn: (date) => `Adopté le ${date}`,
  },
};
