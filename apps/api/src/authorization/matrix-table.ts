import { ROLES, type Role } from '../platform';
import { ACCESS_MATRIX, type RouteAccess } from './access-matrix';

/**
 * What one role may do on a route, as docs/security.md writes it: `yes`, `—` (403), `portfolio`
 * (a broker: only their customers; 404 for the others, lists filtered) or `own` (a broker
 * registering: brokerId is theirs; a follow-up opportunity: only their own, 404 for the others).
 */
export function matrixCell(rule: RouteAccess, role: Role): string {
  if (!rule.roles.includes(role)) return '—';
  if (role !== 'broker') return 'yes';
  switch (rule.scope.kind) {
    case 'customer':
    case 'appointment':
    case 'customer-in-body':
    case 'list':
      return 'portfolio';
    case 'new-customer':
    case 'new-follow-up':
    case 'follow-up':
      return 'own';
    case 'none':
      return 'yes';
  }
}

/** The matrix as the rows of a Markdown table: `| GET | /customers/:id | yes | yes | portfolio | yes | yes |`. */
export function matrixTableRows(matrix: readonly RouteAccess[] = ACCESS_MATRIX): string[] {
  return matrix.map((rule) => `| ${rule.method} | \`${rule.path}\` | ${ROLES.map((role) => matrixCell(rule, role)).join(' | ')} |`);
}

export const MATRIX_TABLE_HEADER = [`| method | route | ${ROLES.join(' | ')} |`, `|---|---|${ROLES.map(() => '---').join('|')}|`];
