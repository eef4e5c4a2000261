import { InvalidTokenError, TokenService } from '../../apps/api/src/platform';
import { VerifiedTokenCache } from '../../apps/api/src/platform/auth/verified-token-cache';

const SECRET = 'unit-test-secret-that-is-32-bytes-or-more';

function reasonOf(verify: () => unknown): string {
  try {
    verify();
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.reason;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('TokenService with its cache of verified tokens', () => {
  it('refuses a token it verified before once it has expired', () => {
    let now = Date.UTC(2026, 0, 10, 12, 0, 0);
    const service = new TokenService(SECRET, { now: () => now });
    const token = service.sign({ sub: 'user-1', role: 'broker', name: 'Bia' }, '15m');
    expect(service.verify(token)).toEqual({ id: 'user-1', role: 'broker', name: 'Bia' });
    expect(service.verify(token)).toEqual({ id: 'user-1', role: 'broker', name: 'Bia' });
    now += 15 * 60_000;
    expect(reasonOf(() => service.verify(token))).toBe('expired');
  });

  it('still refuses a tampered copy of a token it verified', () => {
    const service = new TokenService(SECRET);
    const token = service.sign({ sub: 'user-1', role: 'readonly', name: 'R' }, '1h');
    service.verify(token);
    const at = token.lastIndexOf('.') + 5;
    const flipped = token[at] === 'A' ? 'B' : 'A';
    expect(reasonOf(() => service.verify(token.slice(0, at) + flipped + token.slice(at + 1)))).toBe('bad-signature');
  });

  it('does not take a token signed with another secret for one it verified', () => {
    const service = new TokenService(SECRET);
    const other = new TokenService('another-secret-that-is-32-bytes-or-more');
    const token = other.sign({ sub: 'user-1', role: 'admin', name: 'A' }, '1h');
    expect(() => other.verify(token)).not.toThrow();
    expect(reasonOf(() => service.verify(token))).toBe('bad-signature');
  });
});

describe('VerifiedTokenCache', () => {
  it('answers the claims it was given for the exact token text only', () => {
    const cache = new VerifiedTokenCache();
    cache.remember('a.b.c', { sub: 'u' });
    expect(cache.claimsOf('a.b.c')).toEqual({ sub: 'u' });
    expect(cache.claimsOf('a.b.d')).toBeUndefined();
  });

  it('never holds more than its bound', () => {
    const cache = new VerifiedTokenCache(3);
    for (let i = 0; i < 10; i++) {
      cache.remember(`t${i}`, { sub: `u${i}` });
      expect(cache.size).toBeLessThanOrEqual(3);
    }
    expect(cache.claimsOf('t9')).toEqual({ sub: 'u9' });
  });
});
