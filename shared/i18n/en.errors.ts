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
};
