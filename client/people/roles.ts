/** What each role may do, in one line each, for the people who choose roles (the Secretariat). */
import type { Role } from '../../shared/domain.ts';

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  secretariat: 'Runs the process: invites people, moves the document between phases, exports the report.',
  'working-group': 'Edits the text in drafting and revision, and answers every comment.',
  participant: 'Reads the text and comments while the consultation is open.',
  reviewer: 'Permanent Correspondent: reads the final text and signs it off for their country.',
};
