/**
 * zod validation for routes, answering bad input with the catalogue's invalid_input error and a
 * message that names the field.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { errors } from './errors.ts';

export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw errors.invalidInput(`${where}${issue?.message ?? 'invalid input'}`);
    }
  });
}
