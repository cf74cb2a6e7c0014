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
  'error.threads.receivedAtAlone': 'receivedAt : uniquement pour une observation saisie au nom d’une autre personne (onBehalfOf)',
  'error.threads.onBehalfSecretariat': 'Seul le Secrétariat peut saisir une observation au nom d’une autre personne.',
  'error.threads.onBehalfUnknown': 'onBehalfOf : cette personne n’existe pas',
  'error.threads.onBehalfNotMember': 'onBehalfOf : cette personne ne participe pas à ce document',
  'error.threads.receivedInFuture': 'receivedAt : une observation ne peut pas avoir été reçue dans le futur',
  'error.threads.noSuchSection': 'sectionId : cette section n’existe pas dans ce document',
  'error.threads.quoteTooLong': 'anchor : une observation peut porter sur {max, number} caractères au plus',
  'error.threads.badAnchor': 'anchor : le passage commenté est introuvable dans le texte de ce document',
  'error.threads.endorseOwn': 'Vous ne pouvez pas appuyer votre propre observation.',
  'error.threads.editOthers': 'Seul l’auteur peut modifier le texte d’une observation.',
  'error.threads.answeredNoEdit': 'Une suite a été donnée à cette observation : elle ne peut plus être modifiée.',
  'error.threads.withdrawOthers': 'Seul l’auteur peut retirer une observation.',
  'error.threads.answeredNoWithdraw': 'Une suite a été donnée à cette observation : elle ne peut plus être retirée.',
  'error.threads.editOthersReply': 'Seul l’auteur peut modifier le texte d’une réponse.',
  'error.threads.answeredNoReplyEdit': 'Une suite a été donnée à cette observation : ses réponses ne peuvent plus être modifiées.',
  'error.threads.withdrawOthersReply': 'Seul l’auteur peut retirer une réponse.',
  'error.threads.answeredNoReplyWithdraw': 'Une suite a été donnée à cette observation : ses réponses ne peuvent plus être retirées.',
  'error.threads.assignees': 'Seules les personnes qui donnent suite aux observations peuvent voir à qui elles peuvent être attribuées.',
  'error.threads.badAssignee': 'assigneeId : une observation est attribuée à un membre actif du groupe de travail ou du Secrétariat',
  'error.threads.responseNeeded': 'response : une suite donnée autre que « ouverte » doit exposer le raisonnement du groupe de travail',
  'error.threads.answerOthers': 'Seul l’auteur d’une observation peut répondre à la suite qui lui a été donnée.',
  'error.threads.notAnswered': 'Aucune suite n’a encore été donnée à cette observation.',
  'error.threads.adopted': 'Le document a été adopté.',
  'error.apply.alreadyApplied': 'Ce libellé proposé a déjà été intégré au texte.',
  'error.apply.notApplied': 'Le libellé de cette observation ne figure pas dans le texte (il n’a jamais été intégré, ou son intégration a déjà été annulée).',
  'error.apply.noProposal': 'Cette observation ne propose aucun libellé à intégrer.',
  'error.apply.noAnchor': 'Cette observation porte sur une section entière : intégrez son libellé au texte à la main.',
  'error.apply.textChanged': 'Les mots intégrés ont été modifiés depuis dans le texte : rétablissez l’ancien libellé à la main.',
  'error.apply.cannotApply': 'Le passage commenté a été supprimé ou s’étend désormais sur plusieurs paragraphes : modifiez le texte à la main.',
  'error.apply.textGone': 'Le passage commenté a été supprimé : modifiez le texte à la main.',
  'error.phaseChanging': 'Le document est en train de changer de phase ; réessayez.',
};
