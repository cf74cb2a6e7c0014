/** What each role may do, in one line each, for the people who choose roles (the Secretariat). */
import type { Role } from '../../shared/domain.ts';
import { t } from '../i18n/intl.ts';

/** Worded when asked for, so it follows the interface language. */
export const roleDescription = (role: Role): string => t(`roleDescription.${role}`);
