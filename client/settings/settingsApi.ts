/** The signed-in person's own e-mail language and choices (GET /api/settings, PATCH /api/session). */
import type { Person } from '../../shared/api.ts';
import type { Language, NotificationSettings } from '../../shared/notifications.ts';
import { requestJson } from '../api.ts';

export interface MailSettings {
  language: Language;
  notifications: NotificationSettings;
}

export const settingsApi = {
  get: () => requestJson<MailSettings>('GET', '/api/settings'),
  save: (change: Partial<MailSettings>) => requestJson<{ person: Person; notifications: NotificationSettings }>('PATCH', '/api/session', change),
};
