/**
 * zod validation for routes, answering bad input with the catalogue's invalid_input error and a
 * message that names the field, in the reader's language: our own wording in English, zod's
 * translation of the same problem in other languages (its locales cover French and more).
 */
import { zValidator } from '@hono/zod-validator';
import type { Context, ValidationTargets } from 'hono';
import { z, type ZodType } from 'zod';
import type { Language } from '../../shared/i18n/languages.ts';
import { readerLanguage } from '../i18n.ts';
import type { DomainError } from '../errors.ts';
import { errors } from './errors.ts';

const LOCALES: Partial<Record<Language, ReturnType<typeof z.locales.fr>>> = {};

function problemIn(language: Language, issue: z.core.$ZodIssue): string {
  if (language === 'en') return issue.message;
  const locale = (LOCALES[language] ??= z.locales[language]());
  const said = locale.localeError(issue as Parameters<typeof locale.localeError>[0]);
  return typeof said === 'string' ? said : (said?.message ?? issue.message);
}

/**
 * The refusal of input that zod turned down, for this reader, naming the first problem's field as
 * the request did (`where` when the problem is the whole of it). Also for routes that parse
 * themselves (a multipart form).
 */
export function invalidInput(issue: z.core.$ZodIssue | undefined, language: Language, where: string): DomainError {
  if (!issue) return errors.invalidInput('invalid input').saying('error.invalidInput');
  const field = issue.path.join('.');
  const english = field ? `${field}: ${issue.message}` : issue.message;
  // The field keeps its API name: it is what the request called it.
  return errors.invalidInput(english).saying('error.invalidField', { field: field || where, problem: problemIn(language, issue) });
}

export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c: Context) => {
    if (!result.success) {
      throw invalidInput(result.error.issues[0], readerLanguage(c.get('person')?.language, c.req.header('accept-language')), target);
    }
  });
}
