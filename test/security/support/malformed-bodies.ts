import type { Random } from './seeded-random';

/** The part of an OpenAPI 3.0 schema the generator reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  maxItems?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  maxProperties?: number;
  oneOf?: Schema[];
  allOf?: Schema[];
}

const OPERATOR_KEYS = ['$set', '$where', '$gt', '$ne', '$regex', '$expr', '__proto__', 'constructor', 'prototype', '$'];
const INVALID_INSTANTS = [
  '2026-02-30T10:00:00Z', '2026-13-01T00:00:00Z', '2026-03-10T25:61:00Z', '2026-03-10T10:00:00+99:00', 'yesterday',
  'NaN', 'Infinity', '-Infinity', '0000-00-00T00:00:00Z', '9999999-01-01T00:00:00Z', '2026-03-10 10:00', '1e999', '',
];
const INVALID_DATES = ['2026-02-30', '2026-13-01', '2026-3-1', '20260301', '0000-00-00', 'NaN', 'Infinity', '', '2026-03-10T10:00:00Z', '31/12/2026'];
const INVALID_UUIDS = ['not-a-uuid', '00000000-0000-0000-0000-00000000000g', "' OR 1=1 --", '', '{"$ne":null}', 'a'.repeat(36), '../../etc/passwd'];
const NUMBER_LIKE_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '0x10', '1_000', '١٢٣', ' 5 ', '5abc', '--1'];
/** Code points for junk text; no variation selectors, which length checks do not count. */
const JUNK_CODE_POINTS = [0x0, 0x1, 0x7f, 0x200b, 0x202e, 0xfeff, 0xd7ff, 0x10ffff, 0x1f600, 0x1f4a9, 0x0301, 0x4e2d, 0x0627, 0x05d0, 0x41, 0x24, 0x2e, 0x5c, 0x22, 0x2028];

/**
 * Request bodies that are invalid by construction for a route, guided by its OpenAPI request
 * schema: wrong types, strings past maxLength, numbers out of range, invalid dates and ids,
 * unknown and operator keys, deep nesting, bodies that are not objects. Each body is wrong in at
 * least one way the route's validation must catch, so the answer must be a 4xx.
 */
export class MalformedBodies {
  /** Fields are taken in turn, so that each one gets its share of wrong values. */
  private fieldTurn = 0;

  constructor(private readonly components: Record<string, Schema>, private readonly random: Random) {}

  /** One malformed body (as JSON text) for a route whose request schema is `schema` (none: the route reads no body). */
  next(schema: Schema | undefined): string {
    const r = this.random;
    const object = schema ? this.resolve(schema) : undefined;
    const strategies: Array<() => unknown> = [
      () => this.notAnObject(),
      () => this.withUnknownField(object),
      () => this.withOperatorKey(object),
      () => this.withDeepNesting(object),
    ];
    if (object?.properties && Object.keys(object.properties).length > 0) {
      for (let i = 0; i < 6; i++) strategies.push(() => this.withInvalidFields(object));
    }
    const body = r.pick(strategies)();
    return typeof body === 'string' && body.startsWith('\u0000raw:') ? body.slice(5) : JSON.stringify(body);
  }

  private resolve(schema: Schema): Schema {
    let current = schema;
    for (let hops = 0; current.$ref && hops < 10; hops++) current = this.components[current.$ref.replace('#/components/schemas/', '')] ?? {};
    if (current.allOf) {
      const parts = current.allOf.map((part) => this.resolve(part));
      return {
        ...current,
        allOf: undefined,
        type: 'object',
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), current.properties ?? {}),
        required: parts.flatMap((p) => p.required ?? []).concat(current.required ?? []),
      };
    }
    return current;
  }

  /** A JSON value that is not an object, or raw text that is not even JSON. */
  private notAnObject(): unknown {
    const r = this.random;
    return r.pick<() => unknown>([
      () => [],
      () => [this.junkValue(2)],
      () => this.junkText(r.int(0, 50)),
      () => r.pick([0, -1, 1e308, -1e308, 3.14]),
      () => r.pick([true, false, null]),
      () => `\u0000raw:${r.pick(['{', '{"a":', '[1,2', '{"a":1,}', "{'a':1}", 'NaN', 'undefined', '{"a":1}{"b":2}', '\u0000', '{"a":"\\ud800"'])}`,
    ])();
  }

  /** A body whose required fields are valid but for a few known fields set to values their schema refuses (at least one). */
  private withInvalidFields(object: Schema): Record<string, unknown> {
    const r = this.random;
    const names = Object.keys(object.properties!);
    const body = this.validValue(object, 0) as Record<string, unknown>;
    // Mostly one wrong field, so that no other mistake in the body hides it.
    const count = r.chance(0.7) ? 1 : r.int(1, Math.min(3, names.length));
    for (let i = 0; i < count; i++) {
      const name = i === 0 ? names[this.fieldTurn++ % names.length] : r.pick(names);
      body[name] = this.invalidValue(this.resolve(object.properties![name]), 0);
    }
    return body;
  }

  private withUnknownField(object: Schema | undefined): Record<string, unknown> {
    const r = this.random;
    const known = new Set(Object.keys(object?.properties ?? {}));
    let name = `${r.pick(['x', 'isAdmin', 'role', 'id', '_id', '_pos', 'revision', ' name', 'Name', 'name\u0000', '\u202ename', ''])}${r.int(0, 9)}`;
    while (known.has(name)) name += '_';
    const body: Record<string, unknown> = { ...this.someValidLookingFields(object) };
    const nested = this.nestedObjectField(object);
    if (nested && r.chance(0.4)) body[nested] = { [name]: this.junkValue(2) };
    else body[name] = this.junkValue(2);
    return body;
  }

  private withOperatorKey(object: Schema | undefined): unknown {
    const r = this.random;
    const key = r.pick(OPERATOR_KEYS);
    const payload = JSON.stringify(this.junkValue(2));
    const inner = `{${JSON.stringify(key)}:${payload}}`;
    const fields = this.someValidLookingFields(object);
    const nested = this.nestedObjectField(object);
    const entries = Object.entries(fields).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
    if (nested && r.chance(0.5)) entries.push(`${JSON.stringify(nested)}:${inner}`);
    else if (r.chance(0.2)) entries.push(`"list":[1,${inner}]`);
    else entries.push(`${JSON.stringify(key)}:${payload}`);
    return `\u0000raw:{${entries.join(',')}}`;
  }

  private withDeepNesting(object: Schema | undefined): Record<string, unknown> {
    const r = this.random;
    const names = Object.keys(object?.properties ?? {});
    const name = names.length > 0 && r.chance(0.7) ? r.pick(names) : 'nested';
    let value: unknown = this.junkValue(0);
    const depth = r.int(3, 200);
    for (let i = 0; i < depth; i++) value = r.chance(0.5) ? [value] : { [r.pick(['a', 'b', name])]: value };
    // `value` is an object or array: wrong for any scalar field; for an object field, its
    // innermost junk or the depth limit makes it wrong.
    return { ...this.someValidLookingFields(object), [name]: depth < 3 ? [value] : value };
  }

  /** A value this (resolved) schema refuses. */
  private invalidValue(schema: Schema, depth: number): unknown {
    const r = this.random;
    const wrongScalar = () => r.pick<unknown>([[], [1], { a: 1 }, true]);
    if (schema.oneOf) return r.pick<unknown>([{}, [], true, 'NaN', 'Infinity', '-1', '1e999', -5, 0, 1e15, '1.234', 'abc', '0x10']);
    if (schema.enum) return r.pick<unknown>([this.junkText(r.int(1, 20)) + '~', 42, [], {}, String(schema.enum[0]).toUpperCase() + '!']);
    switch (schema.type) {
      case 'string': {
        const options: Array<() => unknown> = [wrongScalar, () => r.pick([0, -1, 1e308, 3.5])];
        if (schema.maxLength !== undefined) options.push(() => this.junkText(schema.maxLength! + 1 + r.int(0, r.chance(0.2) ? 200_000 : 300)));
        if (schema.minLength && schema.minLength > 0) options.push(() => '');
        if (schema.format === 'date-time') options.push(() => r.pick(INVALID_INSTANTS), () => r.pick(INVALID_INSTANTS));
        if (schema.format === 'date') options.push(() => r.pick(INVALID_DATES), () => r.pick(INVALID_DATES));
        if (schema.format === 'uuid') options.push(() => r.pick(INVALID_UUIDS), () => r.pick(INVALID_UUIDS));
        if (schema.format === 'email') options.push(() => r.pick(['not an email', '@', 'a@', 'a@b@c', '<script>@x.com']));
        if (schema.format === 'uri') options.push(() => r.pick(['not a url', 'javascript:alert(1)', 'http://', '://x']));
        return r.pick(options)();
      }
      case 'integer':
      case 'number': {
        const options: Array<() => unknown> = [wrongScalar, () => r.pick(NUMBER_LIKE_STRINGS)];
        if (schema.minimum !== undefined) options.push(() => schema.minimum! - 1 - r.int(0, 1_000_000));
        if (schema.maximum !== undefined) options.push(() => schema.maximum! + 1 + r.int(0, 1_000_000), () => 1e308);
        if (schema.type === 'integer') options.push(() => 1.5, () => -0.25);
        return r.pick(options)();
      }
      case 'boolean':
        return r.pick<unknown>(['true', 'false', 1, 0, 'yes', {}, [], 'null']);
      case 'array': {
        const options: Array<() => unknown> = [() => ({ a: 1 }), () => 'a,b', () => 7];
        if (schema.maxItems !== undefined) options.push(() => Array.from({ length: schema.maxItems! + 1 + r.int(0, 50) }, () => r.pick<unknown>(['x', 1, {}])));
        if (schema.items && depth < 3) {
          const items = this.resolve(schema.items);
          options.push(() => [this.invalidValue(items, depth + 1)]);
          // An array where an item should be: nested arrays must not pass for objects.
          if (items.type === 'object' || items.properties) options.push(() => [[this.validValue(items, 0)]], () => [['x']]);
        }
        return r.pick(options)();
      }
      default: {
        if (schema.type === 'object' || schema.properties || schema.additionalProperties) {
          // An array around a valid object must not pass for the object.
          const options: Array<() => unknown> = [() => [], () => [this.validValue(schema, 0)], () => [this.validValue(schema, 0)], () => 'object', () => 12];
          if (schema.properties && depth < 3) options.push(() => this.withInvalidFields(schema));
          if (typeof schema.additionalProperties === 'object') {
            options.push(
              () => ({ key: r.pick<unknown>([{ nested: 'x' }, [1], 5, true, null]) }),
              () => ({ [r.pick(['a.b', '', 'k'.repeat(300)])]: 'v' }),
            );
            if (schema.maxProperties !== undefined) {
              options.push(() => Object.fromEntries(Array.from({ length: schema.maxProperties! + 1 + r.int(0, 20) }, (_, i) => [`k${i}`, 'v'])));
            }
          }
          return r.pick(options)();
        }
        return wrongScalar();
      }
    }
  }

  /** A value the schema accepts (its required fields only), to wrap in the wrong shape. */
  private validValue(schema: Schema, depth: number): unknown {
    const resolved = this.resolve(schema);
    if (resolved.oneOf) return this.validValue(resolved.oneOf[0], depth);
    if (resolved.enum) return resolved.enum[0];
    switch (resolved.type) {
      case 'string':
        return { 'date-time': '2099-01-01T10:00:00Z', date: '2026-03-01', uuid: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', email: 'a@example.com', uri: 'https://example.com' }[resolved.format ?? ''] ?? 'ok';
      case 'integer':
      case 'number':
        return resolved.minimum !== undefined && resolved.minimum > 1 ? resolved.minimum : 1;
      case 'boolean':
        return true;
      case 'array':
        return resolved.minItems && resolved.items && depth < 4 ? [this.validValue(resolved.items, depth + 1)] : [];
      default: {
        const value: Record<string, unknown> = {};
        if (depth < 4) for (const name of resolved.required ?? []) value[name] = this.validValue(resolved.properties?.[name] ?? {}, depth + 1);
        return value;
      }
    }
  }

  /** Names of object-valued fields (a place to hide keys one level down). */
  private nestedObjectField(object: Schema | undefined): string | undefined {
    const names = Object.entries(object?.properties ?? {})
      .filter(([, s]) => {
        const resolved = this.resolve(s);
        return resolved.type === 'object' || resolved.properties !== undefined || resolved.additionalProperties !== undefined;
      })
      .map(([name]) => name);
    return names.length > 0 ? this.random.pick(names) : undefined;
  }

  /** A few fields with plain string values; they make a body look real but need not be valid. */
  private someValidLookingFields(object: Schema | undefined): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const [name, schema] of Object.entries(object?.properties ?? {})) {
      const resolved = this.resolve(schema);
      if (resolved.type === 'string' && !resolved.format && !resolved.enum && this.random.chance(0.5)) fields[name] = 'ok';
    }
    return fields;
  }

  private junkValue(depth: number): unknown {
    const r = this.random;
    const options: Array<() => unknown> = [() => this.junkText(r.int(0, 40)), () => r.pick([0, -1, 1e308, -0.5]), () => r.pick([true, false, null])];
    if (depth > 0) options.push(() => [this.junkValue(depth - 1), this.junkValue(depth - 1)], () => ({ [this.junkText(3)]: this.junkValue(depth - 1) }));
    return r.pick(options)();
  }

  /** `length` code points of unicode junk (control characters, RTL marks, emoji, combining marks …). */
  private junkText(length: number): string {
    const r = this.random;
    if (length > 1000) return String.fromCodePoint(r.pick(JUNK_CODE_POINTS)).repeat(length);
    return Array.from({ length }, () => String.fromCodePoint(r.pick(JUNK_CODE_POINTS))).join('');
  }
}
