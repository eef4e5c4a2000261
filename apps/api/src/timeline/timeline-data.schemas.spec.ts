import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { SqliteReadStore } from '@trilha/read-store/sqlite/sqlite-read-store';
import {
  labelKeysOf,
  TIMELINE_ENTRIES,
  TIMELINE_LABELS,
  TIMELINE_TYPES,
  timelineItem,
  timelineProjection,
  type TimelineEntryDocument,
  type TimelineItem,
} from '@trilha/projections/timeline';
import { recordStory } from '@trilha/projections/timeline/test/story';
import { TIMELINE_DATA_SCHEMAS } from './timeline-data.schemas';

/** The errors of `value` against the subset of OpenAPI 3.0 schemas these use (no $ref, no oneOf). */
function violations(value: unknown, schema: SchemaObject, path: string): string[] {
  if (value === null) return schema.nullable ? [] : [`${path} is null`];
  if (schema.enum && !schema.enum.includes(value)) return [`${path} is not one of ${schema.enum.join(', ')}`];
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${path} is not a string`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${path} is not an integer`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path} is not a boolean`];
    case 'array':
      return Array.isArray(value) ? value.flatMap((item, i) => violations(item, schema.items as SchemaObject, `${path}[${i}]`)) : [`${path} is not an array`];
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${path} is not an object`];
      const record = value as Record<string, unknown>;
      const properties = (schema.properties ?? {}) as Record<string, SchemaObject>;
      return [
        ...(schema.required ?? []).filter((name) => !(name in record)).map((name) => `${path}.${name} is missing`),
        ...Object.keys(record).filter((name) => !(name in properties)).map((name) => `${path}.${name} is not described`),
        ...Object.entries(record).flatMap(([name, v]) => (properties[name] ? violations(v, properties[name], `${path}.${name}`) : [])),
      ];
    }
    default:
      return [`${path}: the test does not know type ${schema.type}`];
  }
}

describe('the OpenAPI schemas of timeline data', () => {
  it('describe the data of every entry of a story that has every type, exactly', async () => {
    const readStore = new SqliteReadStore(':memory:');
    for (const spec of timelineProjection.collections) await readStore.ensureCollection(spec);
    await readStore.commit((await recordStory()).flatMap((e) => timelineProjection.handle(e)));
    const docs = await readStore.collection<TimelineEntryDocument>(TIMELINE_ENTRIES).find({});
    const labels = await readStore.collection(TIMELINE_LABELS).find({ _id: { $in: labelKeysOf(docs) } });
    const withNames = docs.map((doc) => timelineItem(doc, new Map(labels.map((l) => [l._id, l.value])), { timeZone: 'UTC' }));
    const withoutNames = docs.map((doc) => timelineItem(doc, new Map(), { timeZone: 'UTC' }));
    readStore.close();

    expect(new Set(withNames.map((i) => i.type)).size).toBe(TIMELINE_TYPES.length);
    const problems = [...withNames, ...withoutNames].flatMap((item: TimelineItem) => violations(item.data, TIMELINE_DATA_SCHEMAS[item.type], `${item.type}.data`));
    expect(problems).toEqual([]);
  });

  it('would notice a field the schema does not describe, or a wrong value', () => {
    const schema = TIMELINE_DATA_SCHEMAS.temperature_changed;
    expect(violations({ from: 'warm', to: 'hot' }, schema, 'd')).toEqual([]);
    expect(violations({ from: null, to: 'boiling', extra: 1 }, schema, 'd')).toEqual(['d.extra is not described', 'd.to is not one of cold, warm, hot']);
    expect(violations({ from: 'warm' }, schema, 'd')).toEqual(['d.to is missing']);
  });
});
