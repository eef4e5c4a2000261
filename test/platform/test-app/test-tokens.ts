import { Role, TokenService } from '../../../apps/api/src/platform';
import { TEST_SECRET } from './create-test-app';

const tokens = new TokenService(TEST_SECRET);

export function tokenFor(role: Role, sub = `user-${role}`, name = `Test ${role}`): string {
  return tokens.sign({ sub, role, name }, '1h');
}

/** A token that expired an hour ago, signed with the right secret. */
export function expiredToken(): string {
  const twoHoursAgo = Date.now() - 2 * 3600_000;
  return new TokenService(TEST_SECRET, { now: () => twoHoursAgo }).sign({ sub: 'user-old', role: 'admin', name: 'Old' }, '1h');
}
