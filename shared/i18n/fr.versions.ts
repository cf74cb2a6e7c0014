/** Les noms des versions qu’Accord enregistre de lui-même (shared/versionNames.ts). Repris dans fr.ts. */
import type { enVersions } from './en.versions.ts';

export const frVersions: Record<keyof typeof enVersions, string> = {
  'versionName.adopted': 'Texte adopté, {day}',
  'versionName.consulted': 'Texte à la clôture de la consultation, {day}',
  'versionName.opened': 'Texte soumis à la consultation, {day}',
  'versionName.sentForFinalReview': 'Texte transmis pour examen final, {day}',
  'versionName.reviewed': 'Texte à l’issue de l’examen final, {day}',
  'versionName.beforeRevision': 'Texte avant la révision, {day}',
  'versionName.beforeDrafting': 'Texte avant le retour à la rédaction, {day}',
  'versionName.beforeRestore': 'Avant le rétablissement de « {name} » (automatique)',
  'compare.formerParticipant': 'Ancien participant',
};
