/**
 * Why a file could not become a document, in words that tell the Secretariat what to do. The domain
 * throws these; the route layer turns them into `{ error: { code, message } }` with `status`. They
 * cross the worker boundary as plain objects, hence `toJSON` and `from`.
 */
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

export class ImportRefusal extends Error {
  readonly status: 413 | 415 | 422;
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }

  toJSON(): { code: RefusalCode; message: string } {
    return { code: this.code, message: this.message };
  }

  static from(plain: { code: RefusalCode; message: string }): ImportRefusal {
    return new ImportRefusal(plain.code, plain.message);
  }
}
