import { createHmac } from 'node:crypto';
import { InvalidTokenError, TokenService } from '../../apps/api/src/platform';

const SECRET = 'unit-test-secret-that-is-32-bytes-or-more';
const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);
const service = new TokenService(SECRET, { now: () => NOW });

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hs256 = (input: string, secret = SECRET) => createHmac('sha256', secret).update(input).digest('base64url');
/** A token built by hand, to try what `sign` would never produce. */
function handMade(header: object, payload: object, secret = SECRET): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${hs256(input, secret)}`;
}
const validClaims = { sub: 'user-1', role: 'broker', name: 'Bia', iat: NOW / 1000, exp: NOW / 1000 + 3600 };

function reasonOf(token: string): string {
  try {
    service.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.reason;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('TokenService', () => {
  it('verifies what it signs and returns the actor', () => {
    const token = service.sign({ sub: 'user-1', role: 'manager', name: 'Mia' }, '15m');
    expect(service.verify(token)).toEqual({ id: 'user-1', role: 'manager', name: 'Mia' });
  });

  it('signs a standard HS256 JWT with iat and exp', () => {
    const [header, payload, signature] = service.sign({ sub: 'u', role: 'admin', name: 'A' }, '2h').split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({
      sub: 'u', role: 'admin', name: 'A', iat: NOW / 1000, exp: NOW / 1000 + 7200,
    });
    expect(signature).toBe(hs256(`${header}.${payload}`));
  });

  it('accepts a token made by another HS256 implementation with the same secret', () => {
    expect(service.verify(handMade({ alg: 'HS256', typ: 'JWT' }, validClaims)).id).toBe('user-1');
  });

  it('rejects a tampered payload', () => {
    const [header, , signature] = service.sign({ sub: 'user-1', role: 'readonly', name: 'R' }, '1h').split('.');
    const promoted = b64({ ...validClaims, role: 'admin' });
    expect(reasonOf(`${header}.${promoted}.${signature}`)).toBe('bad-signature');
  });

  it('rejects a tampered signature', () => {
    const token = service.sign({ sub: 'user-1', role: 'broker', name: 'B' }, '1h');
    const at = token.lastIndexOf('.') + 10;
    const flipped = token[at] === 'A' ? 'B' : 'A';
    expect(reasonOf(token.slice(0, at) + flipped + token.slice(at + 1))).toBe('bad-signature');
    expect(reasonOf(token.slice(0, -1))).toBe('bad-signature');
  });

  it('rejects another base64url spelling of the right signature', () => {
    // The last of 43 characters carries 4 bits of the signature and 2 unused bits.
    const token = service.sign({ sub: 'user-1', role: 'broker', name: 'B' }, '1h');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.at(-1)!);
    const sameBytes = alphabet[last ^ 1];
    expect(Buffer.from(token.slice(token.lastIndexOf('.') + 1, -1) + sameBytes, 'base64url')).toEqual(
      Buffer.from(token.slice(token.lastIndexOf('.') + 1), 'base64url'),
    );
    expect(reasonOf(token.slice(0, -1) + sameBytes)).toBe('bad-signature');
  });

  it('rejects a token signed with another secret', () => {
    expect(reasonOf(handMade({ alg: 'HS256' }, validClaims, 'x'.repeat(40)))).toBe('bad-signature');
  });

  it('rejects alg none, with or without a signature', () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(validClaims)}`;
    expect(reasonOf(`${unsigned}.`)).toBe('malformed');
    expect(reasonOf(`${unsigned}.${hs256(unsigned)}`)).toBe('unsupported-algorithm');
  });

  it('rejects other algorithms even when the HMAC matches', () => {
    expect(reasonOf(handMade({ alg: 'HS512' }, validClaims))).toBe('unsupported-algorithm');
  });

  it('rejects an expired token, and one without expiry', () => {
    expect(reasonOf(handMade({ alg: 'HS256' }, { ...validClaims, exp: NOW / 1000 - 1 }))).toBe('expired');
    expect(reasonOf(handMade({ alg: 'HS256' }, { ...validClaims, exp: NOW / 1000 }))).toBe('expired');
    const { exp: _exp, ...neverExpires } = validClaims;
    expect(reasonOf(handMade({ alg: 'HS256' }, neverExpires))).toBe('invalid-claims');
  });

  it('rejects a token that expires once time moves on', () => {
    let now = NOW;
    const clocked = new TokenService(SECRET, { now: () => now });
    const token = clocked.sign({ sub: 'u', role: 'auditor', name: 'Au' }, 60);
    now += 59_000;
    expect(clocked.verify(token).role).toBe('auditor');
    now += 1_000;
    expect(() => clocked.verify(token)).toThrow(/expired/);
  });

  it('rejects a token that is not valid yet', () => {
    expect(reasonOf(handMade({ alg: 'HS256' }, { ...validClaims, nbf: NOW / 1000 + 60 }))).toBe('not-yet-valid');
  });

  it('rejects unknown roles and missing subjects', () => {
    expect(reasonOf(handMade({ alg: 'HS256' }, { ...validClaims, role: 'superuser' }))).toBe('invalid-claims');
    expect(reasonOf(handMade({ alg: 'HS256' }, { ...validClaims, sub: '' }))).toBe('invalid-claims');
    expect(() => service.sign({ sub: 'u', role: 'root' as never, name: 'R' }, '1h')).toThrow(/role/);
  });

  it('uses the subject as the name when the token has none', () => {
    const { name: _name, ...nameless } = validClaims;
    expect(service.verify(handMade({ alg: 'HS256' }, nameless))).toEqual({ id: 'user-1', role: 'broker', name: 'user-1' });
  });

  it('rejects strings that are not JWTs', () => {
    for (const token of ['', 'abc', 'a.b', 'a.b.c.d', 'a b.c.d', `${b64([])}.${b64(validClaims)}.x`, '!!!.???.***']) {
      expect(reasonOf(token)).toBe('malformed');
    }
  });

  it('refuses secrets shorter than 32 bytes', () => {
    expect(() => new TokenService('short')).toThrow(/32 bytes/);
  });
});
