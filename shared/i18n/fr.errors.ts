/**
 * The French words of the server's refusals, written for the officials who read them (Secrétariat,
 * groupe de travail, Correspondants permanents, observations, suite donnée). Keys as in en.errors.ts.
 */
import type { enErrors } from './en.errors.ts';

export const frErrors: Record<keyof typeof enErrors, string> = {
  'error.deadlinePassed': 'La consultation a été close le {deadline} ; elle ne reçoit plus de nouvelles observations ni de réponses.',
  'error.rights.archived': 'Ce document est archivé : il peut être lu et exporté, mais il ne peut plus être modifié ni faire l’objet d’observations.',
  'error.rights.phase':
    '{role, select, secretariat {Le Secrétariat ne peut pas} working_group {Le groupe de travail ne peut pas} participant {Les participants ne peuvent pas} other {Les Correspondants permanents ne peuvent pas}} faire cela tant que le document {phase, select, drafting {est en rédaction} consultation {est en consultation} revision {est en révision} final_review {est en examen final} other {est adopté}}.',
  'error.import.tooLarge': 'Le fichier dépasse {limitMb, number} Mo. Scindez le tableau en plusieurs fichiers et importez-les un par un.',
  'error.import.wrongType': '« {fileName} » n’est pas un fichier Excel (.xlsx) ou Word (.docx). Enregistrez le tableau d’observations dans l’un de ces formats et réessayez.',
  'error.import.unreadable':
    '« {fileName} » ne peut pas être lu comme {kind, select, xlsx {un classeur Excel} other {un document Word}} (il est peut-être endommagé). Ouvrez-le, enregistrez-le de nouveau et réessayez.',
  'error.import.protected':
    '« {fileName} » est protégé par un mot de passe, ou est un ancien fichier Excel 97–2003 ou Word 97–2003. Retirez le mot de passe et enregistrez-le au format .xlsx ou .docx, puis réessayez.',
  'error.import.empty': '« {fileName} » est vide.',
  'error.import.unpacksTooLarge': 'Une fois décompressé, « {fileName} » dépasse {limitMb, number} Mo. Retirez les images ou les fichiers incorporés et réessayez.',
  'error.import.tooSlow': 'La lecture de « {fileName} » a pris trop de temps et a été interrompue. Scindez le tableau en fichiers plus petits et réessayez.',
  'error.import.noTable':
    'Aucun tableau d’observations n’a été trouvé dans « {fileName} » : il faut une ligne d’en-tête avec au moins une colonne « Comments » et l’une des colonnes « MB/NC », « Clause » ou « Type of comment ». Utilisez le modèle et réessayez.',
  'error.import.tooManyRows': 'Le tableau compte plus de {max, number} lignes d’observations, le maximum pour une importation. Scindez-le en plusieurs fichiers.',
  'error.people.emailTaken': '{name} a déjà un compte avec l’adresse {email}. Transmettez-lui plutôt un nouveau lien de connexion.',
  'error.people.ownAccount': 'Vous ne pouvez ni vous désactiver ni changer votre propre rôle ; demandez-le à un autre membre du Secrétariat.',
};
