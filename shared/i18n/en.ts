/**
 * The English catalogue: every word the interface shows, keyed by where it is used. Messages are ICU
 * MessageFormat ({name}, {count, plural, one {…} other {…}}). fr.ts must have exactly the same keys:
 * the type checker refuses a missing or extra one.
 */
export const en = {
  // The banner on every signed-in page
  'header.skipToMain': 'Skip to main content',
  'header.mainNav': 'Main',
  'header.documents': 'Documents',
  'header.myComments': 'My comments',
  'header.people': 'People',
  'header.audit': 'Audit log',
  'header.outbox': 'Outbox',
  'header.settings': 'E-mail settings',
  'header.signOut': 'Sign out',
  'header.language': 'Language',
  'header.languageSaveFailed': 'Your choice of language could not be saved: {reason}',

  // Roles, as people see them
  'role.secretariat': 'Secretariat',
  'role.working-group': 'Working group',
  'role.participant': 'Participant',
  'role.reviewer': 'Permanent Correspondent',

  // The domain's words
  'phase.drafting': 'Drafting',
  'phase.consultation': 'Consultation',
  'phase.revision': 'Revision',
  'phase.final-review': 'Final review',
  'phase.adopted': 'Adopted',
  'stakeholder.government': 'Government',
  'stakeholder.civil-society': 'Civil society',
  'stakeholder.international': 'International organisation',
  'stakeholder.other': 'Other',
  'kind.general': 'General',
  'kind.technical': 'Technical',
  'kind.editorial': 'Editorial',
  'kind.question': 'Question',
  'status.open': 'Not yet answered',
  'status.accepted': 'Accepted',
  'status.partially-accepted': 'Partially accepted',
  'status.not-accepted': 'Not accepted',
  'status.noted': 'Noted',
  'decision.approve': 'Approve',
  'decision.approve-with-reservations': 'Approve with reservations',
  'decision.object': 'Object',

  // Sign-in
  'signIn.title': 'Sign in',
  'signIn.tagline': 'Review of draft guidance documents',
  'signIn.intro': 'Access is by invitation: use the sign-in link the Secretariat sent you.',
  'signIn.field': 'Sign-in link or token',
  'signIn.hint': 'Paste the whole link from your invitation email, or only the token at its end.',
  'signIn.empty': 'Paste the sign-in link or token from your invitation.',
  'signIn.submit': 'Sign in',
  'signIn.busy': 'Signing in…',
  'signIn.help': 'No invitation, or the link no longer works? Ask the Secretariat for a new one.',

  // Missing pages and loading
  'notFound.page': 'Page not found',
  'notFound.document': 'Document not found',
  'notFound.pageText': 'There is nothing at this address. If you typed it, check it; if you followed a link, it may be out of date.',
  'notFound.documentText': 'There is no document at this address. The link may be mistyped, or the document may have been removed.',
  'notFound.back': 'Go to the list of documents',
  'load.forbidden': 'Your role does not give access to this page.',
  'load.forbiddenHelp': 'If you think you need it, ask the Secretariat.',
  'load.retry': 'Try again',

  // The app shell and its requests
  'app.loading': 'Loading Accord…',
  'app.unreachable': 'Accord could not reach the server.',
  'app.loadingDocument': 'Loading the document…',
  'app.loadingPage': 'Loading…',
  'api.network': 'Could not reach the server. Check your connection and try again.',
  'api.httpError': 'The server answered with an error ({status}). Try again shortly.',
  'api.unexpected': 'Something went wrong. Try again.',
  'session.ended': 'Your session has ended. Sign in again to continue.',
  'session.signedOut': 'You have signed out.',
  // Deadlines
  'deadline.withLocalTime': '{deadline} (your time: {local})',
  // Pages of one document
  'documentLinks.text': 'Text',
  'documentLinks.report': 'Report',
  'documentLinks.versions': 'Versions & compare',
  'documentLinks.finalReview': 'Final review',
  'documentLinks.signOff': 'Final review: sign off',
  'documentLinks.members': 'Members',
  'documentLinks.pagesOf': 'Pages of “{title}”',

  // The list of documents
  'documents.title': 'Documents',
  'documents.lead': 'Draft guidance under review. Open a document to read the text, follow the discussion and take part.',
  'documents.new': 'New document',
  'documents.showArchived': 'Show archived documents',
  'documents.loading': 'Loading documents…',
  'documents.none': 'No documents yet',
  'documents.find': 'Find a document',
  'documents.search': 'Search',
  'documents.searchPlaceholder': 'Title or reference',
  'documents.phase': 'Phase',
  'documents.everyPhase': 'Every phase',
  'documents.count': '{count, plural, one {# document} other {# documents}}',
  'documents.countShown': '{shown, number} of {count, plural, one {# document} other {# documents}}',
  'documents.noMatch': 'No document matches. Clear the search or choose every phase.',
  'documents.caption': 'Documents, with their phase, deadline, your role and their comments',
  'documents.colTitle': 'Title',
  'documents.colDeadline': 'Deadline',
  'documents.colRole': 'Your role',
  'documents.colComments': 'Comments',
  'documents.passed': '(passed)',
  'documents.noDeadline': 'None',
  'documents.noComments': 'None yet',
  'documents.unanswered': ', {count, number} not yet answered',
  'documents.allAnswered': ', all answered',
  // E-mail settings
  'settings.title': 'E-mail settings',
  'settings.lead': 'Choose your language and which e-mails you receive. Invitations and sign-in links are always sent.',
  'settings.language': 'Your language, for Accord and its e-mails',
  'settings.save': 'Save',
  'settings.saving': 'Saving…',
  'settings.saved': 'Saved.',
  'notifications.consultation-opened': 'A consultation opens',
  'notifications.deadline-reminder': 'Reminders before a deadline',
  'notifications.comment-answered': 'Your comment was answered',
  'notifications.reply': 'A reply to your comment',
  'notifications.final-review': 'Final review opens, and its reminders',
  'notifications.adopted': 'A text is adopted',
  'delivery.immediately': 'At once',
  'delivery.daily': 'Daily digest',
  'delivery.never': 'Never',
  // My comments
  'mine.title': 'My comments',
  'mine.lead': 'Every comment you made, in every document you take part in, with the working group’s answer.',
  'mine.loading': 'Loading your comments…',
  'mine.none': 'You have not commented yet. Open a document, select words and press Comment.',
  'mine.quote': '“{quote}”',
  'mine.kindAndDate': '{kind}, {date}:',
  'mine.responseSeparator': ': ',
} as const;

export type MessageKey = keyof typeof en;
/** A catalogue: a wording for every key of the English one, and nothing else. */
export type Catalogue = { readonly [K in MessageKey]: string };
