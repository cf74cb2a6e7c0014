/**
 * What a file holds that the editor has no place for, worded from the catalogues: the key and count
 * travel with the English message, so the interface says it in the reader's language.
 */
import type { NotKept } from '../../../shared/documentImport.ts';
import { translate } from '../../i18n.ts';

type Worded = Exclude<NotKept['what'], 'other' | 'tables'>;

export function notKept(what: Worded, count = 0): NotKept {
  const key = `notKept.${what}` as const;
  return { what, words: { key, values: { count } }, message: translate('en', key, { count }) };
}
