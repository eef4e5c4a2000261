import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Actor } from './actor';
import { durationInSeconds } from './duration';
import { InvalidTokenError } from './invalid-token.error';
import { isRole, Role } from './roles';
import { VerifiedTokenCache } from './verified-token-cache';

export interface TokenClaims {
  sub: string;
  role: Role;
  name: string;
}

export interface TokenServiceOptions {
  /** Current time in milliseconds; replaceable in tests. */
  now?: () => number;
}

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output. */
const MIN_SECRET_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const HEADER = encodeSegment({ alg: 'HS256', typ: 'JWT' });

/**
 * Signs and verifies HS256 JSON Web Tokens with one shared secret. Only HS256 is accepted,
 * whatever the token's header says, and a token must carry an expiry.
 */
export class TokenService {
  private readonly key: Buffer;
  private readonly now: () => number;
  private readonly verified = new VerifiedTokenCache();

  constructor(secret: string, options: TokenServiceOptions = {}) {
    this.key = Buffer.from(secret, 'utf8');
    if (this.key.length < MIN_SECRET_BYTES) throw new Error(`The JWT secret must be at least ${MIN_SECRET_BYTES} bytes long`);
    this.now = options.now ?? Date.now;
  }

  /** A token for these claims, valid for `expiresIn` (seconds, or `'15m'`, `'12h'`, `'7d'` …). */
  sign(claims: TokenClaims, expiresIn: number | string): string {
    if (!claims.sub) throw new Error('A token needs a subject (sub)');
    if (!isRole(claims.role)) throw new Error(`Unknown role "${claims.role}"`);
    const iat = Math.floor(this.now() / 1000);
    const payload = encodeSegment({ sub: claims.sub, role: claims.role, name: claims.name, iat, exp: iat + durationInSeconds(expiresIn) });
    const signingInput = `${HEADER}.${payload}`;
    return `${signingInput}.${this.signature(signingInput).toString('base64url')}`;
  }

  /** The actor of a valid token; throws InvalidTokenError otherwise. */
  verify(token: string): Actor {
    // Same text, same signature: only the claims (expiry …) need checking again.
    const known = this.verified.claimsOf(token);
    if (known) return this.actorOf(known);
    const parts = token.split('.');
    if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
      throw new InvalidTokenError('malformed', 'The bearer token is not a well-formed JWT.');
    }
    const [header, payload, signature] = parts;
    if (decodeSegment(header).alg !== 'HS256') {
      throw new InvalidTokenError('unsupported-algorithm', 'The bearer token is not signed with HS256.');
    }
    // Compared as text: decoding first would accept other spellings of the same bytes.
    const expected = Buffer.from(this.signature(`${header}.${payload}`).toString('base64url'));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new InvalidTokenError('bad-signature', 'The bearer token signature is not valid.');
    }
    const claims = decodeSegment(payload);
    const actor = this.actorOf(claims);
    this.verified.remember(token, claims);
    return actor;
  }

  private actorOf(claims: Record<string, unknown>): Actor {
    const nowSeconds = this.now() / 1000;
    if (typeof claims.exp !== 'number') throw new InvalidTokenError('invalid-claims', 'The bearer token has no expiry (exp).');
    if (nowSeconds >= claims.exp) throw new InvalidTokenError('expired', 'The bearer token has expired.');
    if (typeof claims.nbf === 'number' && nowSeconds < claims.nbf) {
      throw new InvalidTokenError('not-yet-valid', 'The bearer token is not valid yet.');
    }
    if (typeof claims.sub !== 'string' || claims.sub === '') throw new InvalidTokenError('invalid-claims', 'The bearer token has no subject (sub).');
    if (!isRole(claims.role)) throw new InvalidTokenError('invalid-claims', 'The bearer token has no known role.');
    if (claims.name !== undefined && typeof claims.name !== 'string') throw new InvalidTokenError('invalid-claims', 'The bearer token name must be a string.');
    return { id: claims.sub, role: claims.role, name: claims.name ?? claims.sub };
  }

  private signature(signingInput: string): Buffer {
    return createHmac('sha256', this.key).update(signingInput).digest();
  }
}

function encodeSegment(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeSegment(segment: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidTokenError('malformed', 'The bearer token is not a well-formed JWT.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidTokenError('malformed', 'The bearer token is not a well-formed JWT.');
  }
  return value as Record<string, unknown>;
}
