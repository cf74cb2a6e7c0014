/** The words around the accessibility statement (the statement itself is docs/ACCESSIBILITY.md). */
export const enA11y = {
  'a11y.link': 'Accessibility',
  'a11y.title': 'Accessibility statement',
  'a11y.signIn': 'Sign in',
};
