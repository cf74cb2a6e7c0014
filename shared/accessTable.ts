/** The role matrix as a Markdown table, for docs/ACCESS.md (a unit test keeps the two in step). */
import { ACCESS, ACTIONS } from './access.ts';
import { PHASES, PHASE_LABELS, ROLES, ROLE_LABELS, type Phase, type Role } from './domain.ts';

function cell(phases: readonly Phase[] | undefined): string {
  if (!phases || phases.length === 0) return '—';
  if (phases.length === PHASES.length) return 'always';
  return phases.map((p) => PHASE_LABELS[p].toLowerCase()).join(', ');
}

export function accessTable(): string {
  const header = `| action | ${ROLES.map((r) => ROLE_LABELS[r]).join(' | ')} |`;
  const rule = `| --- | ${ROLES.map(() => '---').join(' | ')} |`;
  const rows = ACTIONS.map((action) => {
    const byRole = ACCESS[action] as Partial<Record<Role, readonly Phase[]>>;
    return `| \`${action}\` | ${ROLES.map((r) => cell(byRole[r])).join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
