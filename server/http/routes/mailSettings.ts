/** A person's own e-mail language and choices: PATCH /api/session (contract) and GET /api/settings. */
import { Hono } from 'hono';
import { z } from 'zod';
import { DELIVERIES, LANGUAGES, NOTIFICATION_KINDS, notificationSettings, type NotificationKind } from '../../../shared/notifications.ts';
import type { AppEnv, Services } from '../context.ts';
import { validate } from '../validate.ts';
import { requireSession } from '../middleware.ts';
import { presentPerson } from '../presenters.ts';
import { errors } from '../errors.ts';

const Choices = z
  .object(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.enum(DELIVERIES)])) as Record<NotificationKind, z.ZodEnum<{ [K in (typeof DELIVERIES)[number]]: K }>>)
  .partial()
  .strict();
const OwnSettings = z
  .object({ language: z.enum(LANGUAGES), notifications: Choices })
  .partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'nothing to change');

export function mailSettingsRoutes(services: Services) {
  return new Hono<AppEnv>()
    .get('/api/settings', requireSession(services), (c) => {
      const person = c.get('person');
      return c.json({ language: person.language ?? 'en', notifications: notificationSettings(person.notifications) });
    })
    .patch('/api/session', requireSession(services), validate('json', OwnSettings), async (c) => {
      const person = c.get('person');
      const change = c.req.valid('json');
      const patch: { language?: typeof change.language; notifications?: ReturnType<typeof notificationSettings> } = {};
      if (change.language) patch.language = change.language;
      if (change.notifications) patch.notifications = { ...notificationSettings(person.notifications), ...change.notifications };
      const updated = await services.records.people.update(person.id, patch);
      if (!updated) throw errors.notFound('person');
      return c.json({ person: presentPerson(updated), notifications: notificationSettings(updated.notifications) });
    });
}
