/**
 * Who may change the text, as the contract fixes it. The full role x action x phase matrix grows
 * here; the server enforces it on every route and on the socket, the client only mirrors it.
 */
import type { Phase, Role } from './domain.ts';

const TEXT_EDIT_ROLES: ReadonlySet<Role> = new Set(['working-group', 'secretariat']);
const TEXT_EDIT_PHASES: ReadonlySet<Phase> = new Set(['drafting', 'revision']);

export interface TextAccess {
  edit: boolean;
  /** One line telling a reader why the text is closed, when it is. */
  reason: string | null;
}

export function textAccess(role: Role, phase: Phase): TextAccess {
  if (phase === 'adopted') return { edit: false, reason: 'This text has been adopted and can no longer change.' };
  if (!TEXT_EDIT_ROLES.has(role)) {
    if (phase === 'consultation') {
      return { edit: false, reason: 'The text is closed while the consultation is open: select text to comment.' };
    }
    return { edit: false, reason: 'Only the working group edits the text.' };
  }
  if (!TEXT_EDIT_PHASES.has(phase)) {
    return {
      edit: false,
      reason: `The text is closed during ${phase === 'consultation' ? 'the consultation' : 'final review'}; it opens for editing in drafting and revision.`,
    };
  }
  return { edit: true, reason: null };
}

/** Actions that depend on the role alone. Phase-dependent actions have their own rules above. */
export const ROLE_ACTIONS = {
  'people.manage': ['secretariat'],
  'document.phase': ['secretariat'],
  'document.read': ['secretariat', 'working-group', 'participant', 'reviewer'],
} as const satisfies Record<string, readonly Role[]>;

export type RoleAction = keyof typeof ROLE_ACTIONS;

export function may(role: Role, action: RoleAction): boolean {
  return (ROLE_ACTIONS[action] as readonly Role[]).includes(role);
}
