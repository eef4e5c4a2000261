import { TIMELINE_TYPES } from '@trilha/projections/timeline';
import { TIMELINE_DATA_SCHEMAS } from '../apps/api/src/timeline/timeline-data.schemas';
import { startTestApp, type TestApp } from './support/test-app';

type Schema = { type?: string; enum?: string[]; oneOf?: Schema[]; items?: Schema; properties?: Record<string, Schema>; required?: string[]; $ref?: string; nullable?: boolean };
type Parameter = { name: string; in: string; required?: boolean; style?: string; explode?: boolean; schema: Schema };

describe('OpenAPI of GET /customers/{id}/timeline', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, { parameters: Parameter[]; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>; components: { schemas: Record<string, Schema> } };

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '' });
    doc = (await t.http.get('/docs-json')).body;
  });
  afterAll(() => t.close());

  const operation = () => doc.paths['/customers/{id}/timeline'].get;

  it('answers 200 with a page, 400, 401 and 404 problems, and 503 before its read model is registered', () => {
    expect(Object.keys(operation().responses).sort()).toEqual(['200', '400', '401', '404', '503']);
    expect(operation().responses['200'].content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/TimelinePageDto' });
  });

  it('takes the id and the filters of API.md, type as a comma-separated list of the timeline types', () => {
    const params = Object.fromEntries(operation().parameters.map((p) => [`${p.in}:${p.name}`, p]));
    expect(Object.keys(params).sort()).toEqual(['path:id', 'query:actor', 'query:cursor', 'query:from', 'query:limit', 'query:minPosition', 'query:to', 'query:type']);
    expect(params['query:type']).toMatchObject({ required: false, style: 'form', explode: false, schema: { type: 'array', items: { type: 'string', enum: [...TIMELINE_TYPES] } } });
    expect(params['query:actor'].schema.enum).toEqual(['customer', 'user']);
    expect(params['query:limit'].schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 500, default: 50 });
    expect(Object.values(params).filter((p) => p.required).map((p) => p.name)).toEqual(['id']);
  });

  it('describes each item by its type: one schema per timeline type, with that type’s data', () => {
    const page = doc.components.schemas.TimelinePageDto;
    expect(page.required?.sort()).toEqual(['items', 'nextCursor']);
    expect(page.properties?.nextCursor).toMatchObject({ type: 'string', nullable: true });
    const variants = page.properties?.items.items?.oneOf ?? [];
    expect(variants.map((v) => v.properties?.type.enum)).toEqual(TIMELINE_TYPES.map((type) => [type]));
    for (const variant of variants) {
      const type = variant.properties!.type.enum![0] as (typeof TIMELINE_TYPES)[number];
      expect(variant.required?.sort()).toEqual(['actor', 'at', 'data', 'id', 'summary', 'type']);
      expect(variant.properties?.data).toEqual(TIMELINE_DATA_SCHEMAS[type]);
      expect(variant.properties?.actor).toEqual({ $ref: '#/components/schemas/TimelineActorDto' });
    }
    expect(doc.components.schemas.TimelineActorDto.properties?.kind.enum).toEqual(['customer', 'user']);
  });
});
