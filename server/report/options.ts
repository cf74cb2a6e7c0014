/**
 * The report's options as query parameters. The HTTP route and the CLI both parse them with this
 * schema, so a filter means the same wherever the report is made.
 */
import { z } from 'zod';
import { STAKEHOLDERS, THREAD_STATUSES } from '../../shared/domain.ts';
import { LANGUAGES, type Language } from '../../shared/i18n/languages.ts';
import { REPORT_FORMATS, type ReportOptions } from './types.ts';

/** A comma-separated list ("a,b"); empty entries are ignored, an empty list is refused. */
function list<T extends z.ZodType<string, string>>(item: T, what: string) {
  return z
    .string()
    .max(20_000)
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).min(1, `name at least one ${what}`).max(1000));
}

/**
 * The language of a file's words (?lang=en|fr). Absent, the reader's own language is used (fileLanguage):
 * the schema cannot know who asks.
 */
export const FileLanguage = z.enum(LANGUAGES, { message: `lang must be one of ${LANGUAGES.join(', ')}` }).optional();

/** The language asked for, else the signed-in person's, else English. */
export function fileLanguage(asked: Language | undefined, personLanguage: Language | undefined): Language {
  return asked ?? personLanguage ?? 'en';
}

const flag = (name: string) =>
  z.enum(['true', 'false'], { message: `${name} must be true or false` }).transform((value) => value === 'true');

export const ReportQuery = z
  .object({
    format: z.enum(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` }).default('json'),
    sections: list(z.string().min(1).max(100), 'section').optional(),
    stakeholders: list(z.enum(STAKEHOLDERS, { message: `stakeholders must be among ${STAKEHOLDERS.join(', ')}` }), 'stakeholder group').optional(),
    statuses: list(z.enum(THREAD_STATUSES, { message: `statuses must be among ${THREAD_STATUSES.join(', ')}` }), 'status').optional(),
    replies: flag('replies').default(true),
    anonymous: flag('anonymous').default(false),
    lang: FileLanguage,
  })
  // A misspelt filter must not silently give the whole report.
  .strict();

export type ReportQuery = z.output<typeof ReportQuery>;

export function reportOptions(query: ReportQuery): ReportOptions {
  const { format: _format, lang: _lang, ...options } = query;
  return options;
}
