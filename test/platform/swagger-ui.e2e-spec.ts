import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp } from './test-app/create-test-app';

describe('Swagger UI', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('serves the UI page without a token', async () => {
    const response = await http().get('/docs').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('swagger-ui-bundle.js');
  });

  it('serves the UI assets and its init script pointing at the document', async () => {
    const css = await http().get('/docs/swagger-ui.css').expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    await http().get('/docs/swagger-ui-bundle.js').expect(200);
    const init = await http().get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('"title": "Trilha"');
  });

  it('still answers unknown routes with problem+json', async () => {
    const response = await http().get('/docs/nothing-here.js').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
