/** Les mots autour de la déclaration d’accessibilité (la déclaration est docs/ACCESSIBILITY.fr.md). */
import type { enA11y } from './en.a11y.ts';

export const frA11y: Record<keyof typeof enA11y, string> = {
  'a11y.link': 'Accessibilité',
  'a11y.title': 'Déclaration d’accessibilité',
  'a11y.signIn': 'Se connecter',
};
