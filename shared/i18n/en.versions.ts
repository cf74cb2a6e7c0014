/** The names of the versions Accord takes by itself (shared/versionNames.ts), and words of the comparison the server gives. Spread into en.ts. */
export const enVersions = {
  'versionName.adopted': 'Adopted text, {day}',
  'versionName.consulted': 'Text as consulted, closed {day}',
  'versionName.opened': 'Text put out for consultation, {day}',
  'versionName.sentForFinalReview': 'Text sent for final review, {day}',
  'versionName.reviewed': 'Text as reviewed, {day}',
  'versionName.beforeRevision': 'Text before revision, {day}',
  'versionName.beforeDrafting': 'Text before the return to drafting, {day}',
  'versionName.beforeRestore': 'Before restoring “{name}” (automatic)',
  // The author of a comment behind a change, when that person is no longer on the list.
  'compare.formerParticipant': 'Former participant',
} as const;
