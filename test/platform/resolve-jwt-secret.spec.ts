import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveJwtSecret } from '../../apps/api/src/platform';

describe('resolveJwtSecret', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'trilha-secret-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('prefers the environment and writes nothing', () => {
    const dataDir = join(root, 'data');
    expect(resolveJwtSecret({ env: 'from-the-environment', dataDir })).toBe('from-the-environment');
    expect(() => statSync(dataDir)).toThrow();
  });

  it('generates 32 random bytes into <dataDir>/jwt-secret, creating the folder, readable by the owner only', () => {
    const dataDir = join(root, 'nested', 'data');
    const secret = resolveJwtSecret({ env: undefined, dataDir });
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = join(dataDir, 'jwt-secret');
    expect(readFileSync(file, 'utf8')).toBe(secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reuses the kept secret on the next start', () => {
    const first = resolveJwtSecret({ dataDir: root });
    const second = resolveJwtSecret({ env: '', dataDir: root });
    expect(second).toBe(first);
  });

  it('reads a secret put there by an operator, ignoring a trailing newline', () => {
    writeFileSync(join(root, 'jwt-secret'), 'operator-chosen-secret\n');
    expect(resolveJwtSecret({ dataDir: root })).toBe('operator-chosen-secret');
  });

  it('makes a different secret for each new data folder', () => {
    expect(resolveJwtSecret({ dataDir: join(root, 'a') })).not.toBe(resolveJwtSecret({ dataDir: join(root, 'b') }));
  });
});
