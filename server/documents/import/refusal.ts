/**
 * Why a file could not become a document, in words that tell the Secretariat what to do. The domain
 * throws these; the route layer turns them into `{ error: { code, message } }` with `status`. They
 * cross the worker boundary as plain objects, hence `toJSON` and `from`.
 */
import type { DomainError } from '../../errors.ts';
export type RefusalCode =
  | 'file_too_large'
  | 'unsupported_file'
  | 'unreadable_file'
  | 'encrypted_file'
  | 'empty_file'
  | 'unpacks_too_large'
  | 'too_many_sections'
  | 'conversion_timeout';

const STATUS: Record<RefusalCode, 413 | 415 | 422> = {
  file_too_large: 413,
  unsupported_file: 415,
  unreadable_file: 422,
  encrypted_file: 422,
  empty_file: 422,
  unpacks_too_large: 422,
  too_many_sections: 422,
  conversion_timeout: 422,
};

/** The catalogue entry that words a refusal in every language (shared/i18n/en.errors.ts). */
export type RefusalWords = NonNullable<DomainError['words']>;

export class ImportRefusal extends Error {
  readonly status: 413 | 415 | 422;
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly words: RefusalWords,
  ) {
    super(message);
    this.status = STATUS[code];
  }

  toJSON(): { code: RefusalCode; message: string; words: RefusalWords } {
    return { code: this.code, message: this.message, words: this.words };
  }

  static from(plain: { code: RefusalCode; message: string; words: RefusalWords }): ImportRefusal {
    return new ImportRefusal(plain.code, plain.message, plain.words);
  }
}
