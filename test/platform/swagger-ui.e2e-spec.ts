import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';

/** Starts serve-docs.ts in its own Node process and resolves with its base URL. */
function startDocsServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'test-app', 'serve-docs.ts')], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\d+)/.exec(output);
      if (match) resolve({ child, url: `http://127.0.0.1:${match[1]}` });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the docs server exited with ${code}:\n${output}`)));
  });
}

describe('Swagger UI in a plain Node process', () => {
  let server: { child: ChildProcess; url: string };
  beforeAll(async () => {
    server = await startDocsServer();
  }, 60_000);
  afterAll(async () => {
    if (!server) return;
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  });

  it('serves the UI page without a token', async () => {
    const response = await request(server.url).get('/docs').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('swagger-ui-bundle.js');
  });

  it('serves the UI assets and its init script pointing at the document', async () => {
    const css = await request(server.url).get('/docs/swagger-ui.css').expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    await request(server.url).get('/docs/swagger-ui-bundle.js').expect(200);
    const init = await request(server.url).get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('"title": "Trilha"');
  });

  it('still answers unknown routes with problem+json', async () => {
    const response = await request(server.url).get('/docs/nothing-here.js').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
