/**
 * A development-only pseudo language derived from English at run time: accented letters, about a third
 * longer, and ⟦brackets⟧ around every message, so screenshots show where text is cut off or overflows.
 * Only literal text changes: the ICU message is parsed and placeholders ({name}), plural and select
 * keys, # and tags are left exactly as they are. It is never a Language: it replaces the English
 * catalogue on this browser only (?pseudo=1, remembered; ?pseudo=0 ends it) and is never sent to the server.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** How much longer pseudo text is than English: French and German often run 30–40% longer. */
const GROWTH = 0.35;
const PAD = '·';

export function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter] ?? letter);
}

function letterCount(elements: MessageFormatElement[]): number {
  let count = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) count += element.value.length;
    if (element.type === TYPE.tag) count += letterCount(element.children);
    // A plural or select grows by its longest form, usually "other".
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      count += Math.max(0, ...Object.values(element.options).map((option) => letterCount(option.value)));
    }
  }
  return count;
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if (element.type === TYPE.tag) return { ...element, children: transform(element.children) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([key, option]) => [key, { ...option, value: transform(option.value) }]),
      );
      return { ...element, options } as MessageFormatElement;
    }
    return element;
  });
}

/** One message's parts in pseudo form, with its padding and brackets. */
function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  // In runs of eight with a zero-width space between them: longer words, as in French, but a long
  // message's padding must not become one unbreakable word that only pseudo text would have.
  const padding = (PAD.repeat(Math.ceil(letterCount(elements) * GROWTH)).match(/.{1,8}/gu) ?? []).join('\u200b');
  return [{ type: TYPE.literal, value: '⟦' }, ...transform(elements), { type: TYPE.literal, value: `${padding}⟧` }];
}

/** A message in pseudo form, as the parsed message react-intl accepts in place of a string. */
export function pseudoMessage(message: string): MessageFormatElement[] {
  const parsed = parse(message);
  // An empty message stays empty: brackets would make it look like text that is really absent.
  return parsed.length === 0 ? parsed : pseudoElements(parsed);
}

export function pseudoCatalogue(catalogue: Record<string, string>): Record<string, MessageFormatElement[]> {
  return Object.fromEntries(Object.entries(catalogue).map(([key, message]) => [key, pseudoMessage(message)]));
}

const STORAGE_KEY = 'accord.pseudo';

/** Whether this browser asked for the pseudo language: ?pseudo=1 turns it on and is remembered. */
export function pseudoRequested(): boolean {
  if (typeof window === 'undefined') return false;
  try {
    const asked = new URLSearchParams(window.location.search).get('pseudo');
    if (asked === '1') localStorage.setItem(STORAGE_KEY, '1');
    if (asked === '0') localStorage.removeItem(STORAGE_KEY);
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return new URLSearchParams(window.location.search).get('pseudo') === '1';
  }
}
