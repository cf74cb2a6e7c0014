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
import { errors } from './errors.ts';

const LOCALES: Partial<Record<Language, ReturnType<typeof z.locales.fr>>> = {};

function problemIn(language: Language, issue: z.core.$ZodIssue): string {
  if (language === 'en') return issue.message;
  const locale = (LOCALES[language] ??= z.locales[language]());
  const said = locale.localeError(issue as Parameters<typeof locale.localeError>[0]);
  return typeof said === 'string' ? said : (said?.message ?? issue.message);
}

export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c: Context) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      if (!issue) throw errors.invalidInput('invalid input');
      const language = readerLanguage(c.get('person')?.language, c.req.header('accept-language'));
      const problem = problemIn(language, issue);
      const field = issue.path.join('.');
      const english = field ? `${field}: ${issue.message}` : issue.message;
      // The field keeps its API name: it is what the request called it.
      throw errors.invalidInput(english).saying('error.invalidField', { field: field || target, problem });
    }
  });
}
