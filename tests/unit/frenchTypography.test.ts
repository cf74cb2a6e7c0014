/**
 * French typography in the French catalogue: a no-break space before : ; ! ? and », and after «, so
 * that a line never starts with a colon or leaves a guillemet alone at its end. (ICU placeholders and
 * plural branches are set aside: their braces are not words.)
 */
import { describe, expect, it } from 'vitest';
import { fr } from '../../shared/i18n/fr.ts';

describe('the French catalogue', () => {
  it('puts a no-break space, never a plain one, before : ; ! ? » and after «', () => {
    const plain = Object.entries(fr).filter(([, message]) => / [;:!?»]|« /.test(message.replace(/\{[^{}]*\}/g, 'X')));
    expect(plain).toEqual([]);
  });
});
