/**
 * The words of every e-mail, in English and French. Officials read these in their inbox: the French
 * is the Secretariat's own register (Secrétariat, Correspondants permanents, observations, société
 * civile, groupe de travail), not a word-for-word copy of the English.
 */
import type { Role, ThreadStatus } from '../../shared/domain.ts';
import type { Language } from '../../shared/notifications.ts';

export interface Words {
  greeting(name: string): string;
  roles: Record<Role, string>;
  statuses: Record<ThreadStatus, string>;
  invitation: { subject: string; intro(role: string): string; action: string; personal: string };
  signInLink: { subject: string; intro: string; action: string; personal: string };
  consultationOpened: { subject(title: string, deadline: string | null): string; intro(title: string, deadline: string | null): string; action: string };
  deadlineMoved: { subject(title: string, deadline: string | null): string; intro(title: string, deadline: string | null): string; action: string };
  reminder: { subject(title: string, left: string): string; intro(title: string, deadline: string): string; action: string };
  answered: { subject(title: string): string; intro(title: string, status: string): string; response: string; action: string; line(status: string, quote: string): string };
  reply: { subject(title: string, name: string): string; intro(name: string, title: string): string; action: string; line(name: string, body: string): string };
  finalReview: { subject(title: string): string; intro(title: string, deadline: string | null): string; action: string };
  finalReminder: { subject(title: string, left: string): string; intro(title: string, deadline: string): string; action: string };
  adopted: { subject(title: string): string; intro(title: string): string; action: string };
  digest: { subject(count: number): string; intro: string; action: string };
  hoursLeft(hours: number): string;
  footer: { why: string; choose: string; unsubscribe: string };
  unsubscribe: { title: string; ask(kind: string, address: string): string; confirm: string; done(kind: string): string; invalid: string; settings: string };
  kinds: Record<string, string>;
}

const en: Words = {
  greeting: (name) => `Dear ${name},`,
  roles: { secretariat: 'a member of the Secretariat', 'working-group': 'a member of the working group', participant: 'a participant in the consultation', reviewer: 'a Permanent Correspondent' },
  statuses: { open: 'not yet answered', accepted: 'accepted', 'partially-accepted': 'partially accepted', 'not-accepted': 'not accepted', noted: 'noted' },
  invitation: {
    subject: 'Your invitation to Accord',
    intro: (role) => `The Secretariat invites you to Accord, where governments, international organisations and civil society review and comment on draft guidance, as ${role}.`,
    action: 'Sign in to Accord',
    personal: 'This link signs you in without a password. It is yours alone: please do not forward it. If it is lost, ask the Secretariat for a new one.',
  },
  signInLink: {
    subject: 'Your new sign-in link for Accord',
    intro: 'The Secretariat has made you a new sign-in link for Accord. Your previous link no longer works.',
    action: 'Sign in to Accord',
    personal: 'This link signs you in without a password. It is yours alone: please do not forward it.',
  },
  consultationOpened: {
    subject: (title, deadline) => (deadline ? `[${title}] Consultation open until ${deadline}` : `[${title}] Consultation open`),
    intro: (title, deadline) => `The consultation on “${title}” is open.` + (deadline ? ` Comments are welcome until ${deadline}.` : ''),
    action: 'Read the draft and comment',
  },
  deadlineMoved: {
    subject: (title, deadline) => (deadline ? `[${title}] New deadline: ${deadline}` : `[${title}] The consultation no longer has a deadline`),
    intro: (title, deadline) =>
      deadline ? `The Secretariat has moved the deadline of the consultation on “${title}”. Comments are now welcome until ${deadline}.` : `The consultation on “${title}” no longer has a deadline: comments are welcome until the Secretariat closes it.`,
    action: 'Read the draft and comment',
  },
  reminder: {
    subject: (title, left) => `[${title}] ${left} left to comment`,
    intro: (title, deadline) => `The consultation on “${title}” closes on ${deadline}. You have not commented yet; your observations are welcome until then.`,
    action: 'Comment on the draft',
  },
  answered: {
    subject: (title) => `[${title}] Your comment was answered`,
    intro: (title, status) => `The working group has answered your comment on “${title}”: ${status}.`,
    response: 'Their reasoning:',
    action: 'See the answer',
    line: (status, quote) => `Your comment “${quote}”: ${status}.`,
  },
  reply: {
    subject: (title, name) => `[${title}] ${name} replied to your comment`,
    intro: (name, title) => `${name} replied to your comment on “${title}”:`,
    action: 'See the conversation',
    line: (name, body) => `${name} replied: “${body}”`,
  },
  finalReview: {
    subject: (title) => `[${title}] Final review open: your sign-off is requested`,
    intro: (title, deadline) =>
      `The revised text of “${title}” is ready for final review. As a Permanent Correspondent, please approve it, approve it with reservations, or object` +
      (deadline ? `, by ${deadline}.` : '.'),
    action: 'Review and sign off',
  },
  finalReminder: {
    subject: (title, left) => `[${title}] ${left} left to sign off`,
    intro: (title, deadline) => `The final review of “${title}” closes on ${deadline}, and we have not yet received your sign-off.`,
    action: 'Review and sign off',
  },
  adopted: {
    subject: (title) => `[${title}] The text has been adopted`,
    intro: (title) => `“${title}” has been adopted. Thank you for your part in it. The adopted text and the consolidated report of comments and answers are in Accord.`,
    action: 'Read the adopted text',
  },
  digest: {
    subject: (count) => (count === 1 ? 'Accord: 1 update on your comments' : `Accord: ${count} updates on your comments`),
    intro: 'Here is what happened to your comments since the last digest.',
    action: 'Open Accord',
  },
  hoursLeft: (hours) => (hours % 24 === 0 ? (hours === 24 ? '1 day' : `${hours / 24} days`) : hours === 1 ? '1 hour' : `${hours} hours`),
  footer: {
    why: 'You receive this e-mail because you take part in a review on Accord.',
    choose: 'Choose which e-mails you receive:',
    unsubscribe: 'Stop e-mails of this kind:',
  },
  unsubscribe: {
    title: 'Unsubscribe',
    ask: (kind, address) => `Stop sending “${kind}” e-mails to ${address}?`,
    confirm: 'Unsubscribe',
    done: (kind) => `Done: you will no longer receive “${kind}” e-mails. You can change this at any time in your settings.`,
    invalid: 'This unsubscribe link is not valid. Sign in and choose your e-mails in your settings.',
    settings: 'Your e-mail settings',
  },
  kinds: {
    'consultation-opened': 'a consultation opens',
    'deadline-reminder': 'reminders before a deadline',
    'comment-answered': 'your comment was answered',
    reply: 'a reply to your comment',
    'final-review': 'final review',
    adopted: 'a text is adopted',
  },
};

const fr: Words = {
  greeting: (name) => `Bonjour ${name},`,
  roles: { secretariat: 'membre du Secrétariat', 'working-group': 'membre du groupe de travail', participant: 'participant(e) à la consultation', reviewer: 'Correspondant(e) permanent(e)' },
  statuses: { open: 'pas encore de réponse', accepted: 'acceptée', 'partially-accepted': 'partiellement acceptée', 'not-accepted': 'non retenue', noted: 'prise en note' },
  invitation: {
    subject: 'Votre invitation à Accord',
    intro: (role) => `Le Secrétariat vous invite sur Accord, la plateforme où États, organisations internationales et société civile examinent et commentent les projets de lignes directrices, en qualité de ${role}.`,
    action: 'Se connecter à Accord',
    personal: 'Ce lien vous connecte sans mot de passe. Il vous est strictement personnel : merci de ne pas le transférer. En cas de perte, demandez-en un nouveau au Secrétariat.',
  },
  signInLink: {
    subject: 'Votre nouveau lien de connexion à Accord',
    intro: 'Le Secrétariat vous a créé un nouveau lien de connexion à Accord. Votre lien précédent ne fonctionne plus.',
    action: 'Se connecter à Accord',
    personal: 'Ce lien vous connecte sans mot de passe. Il vous est strictement personnel : merci de ne pas le transférer.',
  },
  consultationOpened: {
    subject: (title, deadline) => (deadline ? `[${title}] Consultation ouverte jusqu’au ${deadline}` : `[${title}] Consultation ouverte`),
    intro: (title, deadline) => `La consultation sur « ${title} » est ouverte.` + (deadline ? ` Vos observations sont attendues jusqu’au ${deadline}.` : ''),
    action: 'Lire le projet et formuler des observations',
  },
  deadlineMoved: {
    subject: (title, deadline) => (deadline ? `[${title}] Nouvelle date limite : ${deadline}` : `[${title}] La consultation n’a plus de date limite`),
    intro: (title, deadline) =>
      deadline
        ? `Le Secrétariat a modifié la date limite de la consultation sur « ${title} ». Vos observations sont désormais attendues jusqu’au ${deadline}.`
        : `La consultation sur « ${title} » n’a plus de date limite : vos observations sont attendues jusqu’à sa clôture par le Secrétariat.`,
    action: 'Lire le projet et formuler des observations',
  },
  reminder: {
    subject: (title, left) => `[${title}] Plus que ${left} pour formuler vos observations`,
    intro: (title, deadline) =>
      `La consultation sur « ${title} » sera close le ${deadline}. Vous n’avez pas encore formulé d’observations ; elles sont les bienvenues jusqu’à cette date.`,
    action: 'Commenter le projet',
  },
  answered: {
    subject: (title) => `[${title}] Le groupe de travail a répondu à votre observation`,
    intro: (title, status) => `Le groupe de travail a répondu à votre observation sur « ${title} » : ${status}.`,
    response: 'Sa justification :',
    action: 'Voir la réponse',
    line: (status, quote) => `Votre observation « ${quote} » : ${status}.`,
  },
  reply: {
    subject: (title, name) => `[${title}] ${name} a répondu à votre observation`,
    intro: (name, title) => `${name} a répondu à votre observation sur « ${title} » :`,
    action: 'Voir l’échange',
    line: (name, body) => `${name} a répondu : « ${body} »`,
  },
  finalReview: {
    subject: (title) => `[${title}] Examen final ouvert : votre avis est attendu`,
    intro: (title, deadline) =>
      `Le texte révisé de « ${title} » est soumis à l’examen final. En qualité de Correspondant(e) permanent(e), merci de l’approuver, de l’approuver avec réserves ou d’y faire objection` +
      (deadline ? `, avant le ${deadline}.` : '.'),
    action: 'Examiner et donner votre avis',
  },
  finalReminder: {
    subject: (title, left) => `[${title}] Plus que ${left} pour donner votre avis`,
    intro: (title, deadline) => `L’examen final de « ${title} » sera clos le ${deadline}, et nous n’avons pas encore reçu votre avis.`,
    action: 'Examiner et donner votre avis',
  },
  adopted: {
    subject: (title) => `[${title}] Le texte a été adopté`,
    intro: (title) =>
      `« ${title} » a été adopté. Merci de votre contribution. Le texte adopté et le rapport consolidé des observations et des réponses sont disponibles dans Accord.`,
    action: 'Lire le texte adopté',
  },
  digest: {
    subject: (count) => (count === 1 ? 'Accord : 1 nouvelle sur vos observations' : `Accord : ${count} nouvelles sur vos observations`),
    intro: 'Voici ce qu’il est advenu de vos observations depuis le dernier récapitulatif.',
    action: 'Ouvrir Accord',
  },
  hoursLeft: (hours) => (hours % 24 === 0 ? (hours === 24 ? '1 jour' : `${hours / 24} jours`) : hours === 1 ? '1 heure' : `${hours} heures`),
  footer: {
    why: 'Vous recevez ce courriel parce que vous participez à un examen sur Accord.',
    choose: 'Choisir les courriels que vous recevez :',
    unsubscribe: 'Ne plus recevoir ce type de courriel :',
  },
  unsubscribe: {
    title: 'Désinscription',
    ask: (kind, address) => `Ne plus envoyer de courriels « ${kind} » à ${address} ?`,
    confirm: 'Me désinscrire',
    done: (kind) => `C’est fait : vous ne recevrez plus de courriels « ${kind} ». Vous pouvez changer d’avis à tout moment dans vos préférences.`,
    invalid: 'Ce lien de désinscription n’est pas valide. Connectez-vous et choisissez vos courriels dans vos préférences.',
    settings: 'Vos préférences de courriel',
  },
  kinds: {
    'consultation-opened': 'ouverture d’une consultation',
    'deadline-reminder': 'rappels avant une échéance',
    'comment-answered': 'réponse à votre observation',
    reply: 'réponse dans un échange',
    'final-review': 'examen final',
    adopted: 'adoption d’un texte',
  },
};

export const WORDS: Record<Language, Words> = { en, fr };

/** A deadline as people read it, with its time zone named, e.g. "3 December 2026, 17:00 UTC". */
export function formatDeadline(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso)) + ` (${timeZoneLabel(iso, language, timeZone)})`;
}

function timeZoneLabel(iso: string, language: Language, timeZone: string): string {
  if (timeZone === 'UTC') return 'UTC';
  const part = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName');
  return `${timeZone}, ${part?.value ?? ''}`.replace(/, $/, '');
}
