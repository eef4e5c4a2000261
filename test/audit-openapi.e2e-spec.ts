import { startTestApp, type TestApp } from './support/test-app';

type Schema = { type?: string; enum?: unknown[]; $ref?: string; required?: string[]; properties?: Record<string, Schema>; additionalProperties?: boolean | Schema; nullable?: boolean };
type Operation = { parameters?: Array<{ name: string; in: string; required?: boolean; schema: Schema }>; responses: Record<string, { content?: Record<string, { schema: Schema }> }> };

describe('OpenAPI of the auditor routes', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '' });
    doc = (await t.http.get('/docs-json')).body;
  });
  afterAll(() => t.close());

  it.each([
    ['/customers/{id}/history', 'CustomerHistoryDto'],
    ['/customers/{id}/state', 'CustomerStateDto'],
    ['/customers/{id}/verify', 'StreamVerificationDto'],
  ])('%s answers 200 with %s, and 400, 401, 403, 404 problems', (path, schema) => {
    const operation = doc.paths[path].get;
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '403', '404']);
    expect(operation.responses['200'].content?.['application/json'].schema).toEqual({ $ref: `#/components/schemas/${schema}` });
  });

  it('state takes asOf or revision, both optional in the schema (exactly one is checked by the route)', () => {
    const params = Object.fromEntries((doc.paths['/customers/{id}/state'].get.parameters ?? []).map((p) => [`${p.in}:${p.name}`, p]));
    expect(Object.keys(params).sort()).toEqual(['path:id', 'query:asOf', 'query:revision']);
    expect(params['query:asOf']).toMatchObject({ required: false, schema: { type: 'string', format: 'date-time' } });
    expect(params['query:revision']).toMatchObject({ required: false, schema: { type: 'integer', minimum: 0 } });
  });

  it('describes the shapes API.md gives, the proposals of the state by id', () => {
    const schemas = doc.components.schemas;
    expect(schemas.CustomerHistoryDto.required?.sort()).toEqual(['events', 'streamId']);
    expect(schemas.HistoryEventDto.required?.sort()).toEqual(['actor', 'data', 'eventId', 'metadata', 'occurredAt', 'position', 'revision', 'schemaVersion', 'streamId', 'type']);
    expect(schemas.CustomerStateDto.required?.sort()).toEqual(['asOf', 'revision', 'state']);
    expect(schemas.CustomerAggregateStateDto.properties?.proposals.additionalProperties).toEqual({ $ref: '#/components/schemas/StateProposalDto' });
    expect(schemas.StateProposalDto).toBeDefined();
    expect(schemas.StreamVerificationDto.required?.sort()).toEqual(['events', 'headHash', 'ok', 'unchained', 'verified']);
    expect(schemas.StreamVerificationDto.properties?.headHash).toMatchObject({ type: 'string', nullable: true });
  });

  it('GET /audit/verify answers 200, 401 and 403', () => {
    expect(Object.keys(doc.paths['/audit/verify'].get.responses).sort()).toEqual(['200', '401', '403']);
  });
});
