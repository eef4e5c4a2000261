import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { TokenService } from '../../apps/api/src/platform';
import { startTestApp, TEST_SECRET, type TestApp } from '../support/test-app';

/**
 * Tokens over HTTP (issue 6): each kind of bad token is a 401 problem+json on a protected route,
 * and every token our tools mint carries an expiry.
 */
describe('bearer tokens', () => {
  const env = { ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_COMMAND_RATE_LIMIT: '0' };
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(env);
  });
  afterAll(() => t.close());

  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const claims = () => ({ sub: 'u-1', role: 'admin', name: 'Ana', iat: nowSeconds(), exp: nowSeconds() + 3600 });
  function signed(header: object, payload: object, secret = TEST_SECRET): string {
    const input = `${b64(header)}.${b64(payload)}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  }

  const BAD_TOKENS: [string, () => string][] = [
    ['alg none, unsigned', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
    ['alg none, with an HMAC', () => signed({ alg: 'none', typ: 'JWT' }, claims())],
    ['a wrong signature (another secret)', () => signed({ alg: 'HS256', typ: 'JWT' }, claims(), 'another-secret-that-is-long-enough-too')],
    ['a payload changed after signing', () => {
      const [header, , signature] = signed({ alg: 'HS256', typ: 'JWT' }, { ...claims(), role: 'readonly' }).split('.');
      return `${header}.${b64(claims())}.${signature}`;
    }],
    ['an expired token', () => signed({ alg: 'HS256', typ: 'JWT' }, { ...claims(), iat: nowSeconds() - 7200, exp: nowSeconds() - 60 })],
    ['a token with no exp', () => {
      const { exp: _exp, ...rest } = claims();
      return signed({ alg: 'HS256', typ: 'JWT' }, rest);
    }],
    ['an unknown role', () => signed({ alg: 'HS256', typ: 'JWT' }, { ...claims(), role: 'superuser' })],
    ['no subject', () => signed({ alg: 'HS256', typ: 'JWT' }, { ...claims(), sub: '' })],
  ];

  it.each(BAD_TOKENS)('%s: 401 problem+json, and a command appends nothing', async (_label, make) => {
    const token = make();
    const read = await t.http.get('/wallets').set('Authorization', `Bearer ${token}`);
    expect(read.status).toBe(401);
    expect(read.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(read.headers['www-authenticate']).toBe('Bearer realm="trilha"');
    expect(read.body).toMatchObject({ status: 401, type: 'urn:trilha:problem:unauthorized' });
    expect(JSON.stringify(read.body)).not.toContain(token);

    const before = await t.eventStore.headPosition();
    const command = await t.http.post('/customers').set('Authorization', `Bearer ${token}`).send({ name: 'Ninguém' });
    expect(command.status).toBe(401);
    expect(await t.eventStore.headPosition()).toEqual(before);
  });

  it('the same claims, well signed and unexpired, pass (the bad tokens above differ in one thing only)', async () => {
    const res = await t.http.get('/wallets').set('Authorization', `Bearer ${signed({ alg: 'HS256', typ: 'JWT' }, claims())}`);
    expect(res.status).toBe(200);
  });

  it('the test helper mints tokens with an expiry', () => {
    const payload = JSON.parse(Buffer.from(t.token('broker', 'b-1').split('.')[1], 'base64url').toString());
    expect(payload.exp).toBeGreaterThan(nowSeconds());
    expect(new TokenService(TEST_SECRET).verify(t.token('broker', 'b-1'))).toMatchObject({ id: 'b-1', role: 'broker' });
  });

  it('`trilha token` mints a token with an expiry (12h by default) that the api accepts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trilha-token-'));
    try {
      const cli = path.join(__dirname, '../../apps/cli/src/main.ts');
      const { stdout } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', cli, 'token', '--user', 'bia', '--role', 'broker'], {
        cwd: path.join(__dirname, '../..'),
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', TRILHA_DATA_DIR: dataDir, TRILHA_JWT_SECRET: TEST_SECRET },
      });
      const token = stdout.trim();
      const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      expect(payload).toMatchObject({ sub: 'bia', role: 'broker' });
      expect(payload.exp - payload.iat).toBe(12 * 3600);
      expect((await t.http.get('/wallets').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
