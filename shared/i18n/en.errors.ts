/**
 * The English words of the server's refusals (`error.<area>.<what>`), named by each DomainError's
 * `.saying(…)` and given by http/errors.ts in the reader's language. Spread into en.ts. The English
 * is the message the server throws, so logs and English readers read the same words.
 */
export const enErrors = {
  // A date value here is formatted by the server in the reader's language and the deployment's time zone.
  'error.deadlinePassed': 'The consultation closed on {deadline}; it takes no new comments or replies.',
  // Rights (server/rights.ts)
  'error.rights.archived': 'This document is archived: it can be read and exported, but no longer changed or commented on.',
  'error.rights.phase':
    '{role, select, secretariat {Secretariats} working_group {Working groups} participant {Participants} other {Permanent Correspondents}} cannot do this while the document is in {phase, select, drafting {drafting} consultation {consultation} revision {revision} final_review {final review} other {adopted}}.',
  // Importing a comment table (server/threads/import/tableFile.ts)
  'error.import.tooLarge': 'The file is larger than {limitMb, number} MB. Split the table into several files and import each.',
  'error.import.wrongType': '“{fileName}” is not an Excel (.xlsx) or Word (.docx) file. Save the comment table in one of these formats and try again.',
  'error.import.unreadable': '“{fileName}” cannot be read as {kind, select, xlsx {an Excel workbook} other {a Word document}} (it may be damaged). Open it, save it again and try again.',
  'error.import.protected':
    '“{fileName}” is protected with a password, or is an old Excel 97–2003 or Word 97–2003 file. Remove the password and save it as .xlsx or .docx, then try again.',
  'error.import.empty': '“{fileName}” is empty.',
  'error.import.unpacksTooLarge': '“{fileName}” unpacks to more than {limitMb, number} MB. Remove images or embedded files and try again.',
  'error.import.tooSlow': '“{fileName}” took too long to read and was stopped. Split the table into smaller files and try again.',
  'error.import.noTable':
    'No comment table was found in “{fileName}”: a table needs a header row with at least a “Comments” column and one of “MB/NC”, “Clause” or “Type of comment”. Use the template and try again.',
  'error.import.tooManyRows': 'The table has more than {max, number} rows of comments, the most one import may hold. Split it into several files.',
  // People (server/people, http/routes/people.ts)
  'error.people.emailTaken': '{name} already has an account with {email}. Give them a new sign-in link instead.',
  'error.people.ownAccount': 'You cannot deactivate yourself or change your own role; ask another Secretariat member.',
  // Comments, replies and their answers (server/threads)
  'error.threads.receivedAtAlone': 'receivedAt: only for a comment entered on behalf of someone (onBehalfOf)',
  'error.threads.onBehalfSecretariat': 'Only the Secretariat may enter a comment on behalf of someone.',
  'error.threads.onBehalfUnknown': 'onBehalfOf: no such person',
  'error.threads.onBehalfNotMember': 'onBehalfOf: that person does not take part in this document',
  'error.threads.receivedInFuture': 'receivedAt: a comment cannot have been received in the future',
  'error.threads.noSuchSection': 'sectionId: no such section in this document',
  'error.threads.quoteTooLong': 'anchor: a comment may cover at most {max, number} characters',
  'error.threads.badAnchor': 'anchor: the commented words cannot be found in the text of this document',
  'error.threads.endorseOwn': 'You cannot endorse your own comment.',
  'error.threads.editOthers': 'Only the author may change the words of a comment.',
  'error.threads.answeredNoEdit': 'This comment has been answered and can no longer be changed.',
  'error.threads.withdrawOthers': 'Only the author may withdraw a comment.',
  'error.threads.answeredNoWithdraw': 'This comment has been answered and can no longer be withdrawn.',
  'error.threads.editOthersReply': 'Only the author may change the words of a reply.',
  'error.threads.answeredNoReplyEdit': 'This comment has been answered; its replies can no longer be changed.',
  'error.threads.withdrawOthersReply': 'Only the author may withdraw a reply.',
  'error.threads.answeredNoReplyWithdraw': 'This comment has been answered; its replies can no longer be withdrawn.',
  'error.threads.assignees': 'Only those who answer comments can see whom comments can be assigned to.',
  'error.threads.badAssignee': 'assigneeId: threads are assigned to an active working-group or Secretariat member',
  'error.threads.responseNeeded': 'response: a disposition other than "open" needs the working group\'s reasoning',
  'error.threads.answerOthers': 'Only the author of a comment can answer its disposition.',
  'error.threads.notAnswered': 'This comment has not been answered yet.',
  'error.threads.adopted': 'The document has been adopted.',
  // Putting a proposed wording into the text (server/threads/apply.ts, wordingEdit.ts)
  'error.apply.alreadyApplied': 'This proposed wording has already been applied.',
  'error.apply.notApplied': 'This comment’s wording is not in the text (it was never applied, or the apply was already undone).',
  'error.apply.noProposal': 'This comment proposes no wording to apply.',
  'error.apply.noAnchor': 'This comment is about a whole section; put its wording into the text by hand.',
  'error.apply.textChanged': 'The applied words have been changed in the text since; put the old words back by hand.',
  'error.apply.cannotApply': 'The commented words were deleted or now run across paragraphs; change the text by hand.',
  'error.apply.textGone': 'The commented words have been deleted; change the text by hand.',
  'error.phaseChanging': 'The document is changing phase; try again.',
  // Documents, their deadline, sign-offs and reports (server/documents, signoffs, report)
  'error.documents.archived': 'This document is archived: bring it back from the archive before changing it.',
  'error.documents.notDeletable': 'This document has been open for consultation: its comments are part of the record. Archive it instead.',
  'error.documents.confirmDeletion': 'confirm: send the document\'s id ("{id}") to confirm the deletion.',
  'error.documents.notFinal': 'A new edition starts from an adopted or archived text. Adopt or archive this document first.',
  'error.documents.deadlineInPast': 'deadline: the new deadline must be in the future',
  'error.signoffs.statementNeeded': 'statement: say what your reservations or objections are',
  'error.report.unknownSections': 'sections: no such section in this document: {sections}',
  // People and their sign-in links (server/people, http/routes/outbox.ts)
  'error.people.secretariatEverywhere': '{name} is in the Secretariat, which takes part in every document.',
  'error.people.unknownDocuments': 'documents: no such document: {documents}',
  'error.people.linkReplaced': 'This sign-in link is no longer the person’s current link; create a new one.',
  'error.people.inactive': '{name}’s account is deactivated.',
  // Uploads (http/routes/commentImport.ts, documentAdmin.ts) and requests
  'error.upload.tableForm': 'Send the table as multipart/form-data with a `file` field (.xlsx or .docx).',
  'error.upload.unreadableForm': 'The form could not be read. Send multipart/form-data with a `file` field.',
  'error.upload.chooseTable': 'file: choose one .xlsx or .docx file.',
  'error.upload.chooseDraft': 'file: choose one .docx, .md or .txt file.',
  'error.jsonTooDeep': 'The JSON is nested more than {max, number} levels deep.',
  'error.import.receivedInFuture': 'receivedAt: a table cannot have been received in the future',
  // Importing a draft (server/documents/import)
  'error.draft.wrongType': '“{fileName}” is not a Word (.docx), Markdown (.md) or text (.txt) file. Save the draft in one of these formats and try again.',
  'error.draft.empty': '“{fileName}” is empty. Choose the file that holds the draft, or start an empty draft instead.',
  'error.draft.disguised':
    '“{fileName}” is {format, select, png {a PNG image} jpeg {a JPEG image} gif {a GIF image} pdf {a PDF file} other {an RTF file}}, not a {extension} file. Save the draft from Word as .docx (or as .md or .txt) and try again.',
  'error.draft.protected':
    '“{fileName}” is protected with a password, or is an old Word 97–2003 file. In Word, remove the password (File › Info › Protect Document) and save as .docx, then try again.',
  'error.draft.unreadable': '“{fileName}” could not be read as a Word document (it may be damaged). Open it in Word, save it again as .docx and try again.',
  'error.draft.unpacksTooLarge': '“{fileName}” unpacks to more than the {limitMb, number} MB allowed. Remove large images or embedded files and try again.',
  'error.draft.tooManySections':
    '“{fileName}” has {headings, number} headings; a document may have at most {max, number} sections. Turn minor headings into plain bold text, or split the draft, and try again.',
  'error.draft.shape': '“{fileName}” holds text in a shape the editor cannot take. Save it again (as .docx or .md) and try again.',
  'error.draft.noText': '“{fileName}” holds no text. Choose the file that holds the draft, or start an empty draft instead.',
  'error.draft.binary': '“{fileName}” is not a text file (it holds binary data). Save the draft as .docx, .md or .txt and try again.',
  'error.draft.tooSlow': '“{fileName}” took longer than {seconds, number} s to convert and was stopped. Split the draft into smaller files, or remove images and embedded objects, and try again.',
  'error.draft.tooMuchMemory': '“{fileName}” needs more memory to convert than the server allows. Remove large images or embedded files and try again.',
  // Inviting a list of people (server/people/bulkInvite.ts)
  'error.bulk.noDocument': 'document: no such document: {id}. Nothing was created.',
  'error.bulk.archived': 'document: “{title}” is archived and takes no new members. Nothing was created.',
  'error.bulk.empty': 'The list is empty. Nothing was created.',
  'error.bulk.row': 'Row {row, number}: {problem}{more, plural, =0 {} one { # more row has problems too.} other { # more rows have problems too.}} Nothing was created.',
  'error.bulk.unreadableRow': 'cannot be read.',
  'error.bulk.emailTaken': '{email} already has an account. Nothing was created; check the list again.',
  // Committing an imported comment table (server/threads/import/importComments.ts)
  'error.import.nothingImported': 'Nothing was imported: {first}{more, plural, =0 {} one {; and # more} other {; and # more}}.',
  'error.importRow.notMember': 'row {line, number}: the person chosen does not take part in this document',
  'error.importRow.noSection': 'row {line, number}: no such section in this document',
  'error.importRow.quoteGone': 'row {line, number}: the quoted words are no longer in that section',
  'error.importRow.quoteTooLong': 'row {line, number}: a comment may cover at most {max, number} characters',
  'error.invalidInput': 'invalid input',
};
