import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const JWT_SECRET_FILE = 'jwt-secret';

export interface JwtSecretSources {
  /** Usually `process.env.TRILHA_JWT_SECRET`; used when not empty. */
  env?: string;
  /** The data folder; the secret is kept in `<dataDir>/jwt-secret`. */
  dataDir: string;
}

/**
 * The JWT secret: the environment's when given; else the one kept in the data folder; else a new
 * random one (32 bytes, base64url), written there readable by the owner only.
 */
export function resolveJwtSecret({ env, dataDir }: JwtSecretSources): string {
  if (env) return env;
  const file = join(dataDir, JWT_SECRET_FILE);
  const kept = readSecret(file);
  if (kept) return kept;
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx' fails if another process (api and projector starting together) wrote it first.
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const written = readSecret(file);
    if (!written) throw new Error(`${file} exists but holds no secret`);
    return written;
  }
}

function readSecret(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
