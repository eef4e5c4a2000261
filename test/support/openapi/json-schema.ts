/**
 * OpenAPI 3.0 schema objects → JSON Schema (draft-07, as Ajv reads it).
 *
 * - `nullable: true` adds `null` to `type` (and to `enum`, if any). As OpenAPI 3.0.3 says, it takes
 *   effect only with a `type` in the same schema object (Ajv refuses it without one), and it does
 *   not reach into `allOf`/`oneOf`: `{ nullable: true, type: 'object', allOf: [{ $ref }] }` still
 *   refuses null, because the referenced schema does.
 * - `$ref` stands alone, as OpenAPI 3.0 says: a sibling `nullable` (or anything else) is ignored.
 * - `#/components/schemas/X` becomes `components#/definitions/X` (see `componentsSchema`).
 * - Boolean `exclusiveMinimum` / `exclusiveMaximum` (draft-04 style) become numbers.
 * - `additionalProperties` is left as the document gives it: absent means allowed.
 */
export type OpenApiSchema = Record<string, unknown>;

export const COMPONENTS_ID = 'components';
const SCHEMA_REF = '#/components/schemas/';
const ANNOTATIONS_TO_DROP = new Set(['nullable', 'example', 'discriminator', 'xml', 'externalDocs']);

export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const source = schema as OpenApiSchema;
  if (typeof source.$ref === 'string') return { $ref: refOf(source.$ref) };

  const out: OpenApiSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (ANNOTATIONS_TO_DROP.has(key)) continue;
    if (key === 'properties' || key === 'patternProperties') out[key] = mapValues(value as Record<string, unknown>, toJsonSchema);
    else if (key === 'items' || key === 'not' || key === 'additionalProperties') out[key] = toJsonSchema(value);
    else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') out[key] = (value as unknown[]).map(toJsonSchema);
    else out[key] = value;
  }
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else delete out[flag];
    }
  }
  if (source.nullable !== true || typeof out.type !== 'string') return out;
  const nullable: OpenApiSchema = { ...out, type: [out.type, 'null'] };
  if (Array.isArray(out.enum) && !out.enum.includes(null)) nullable.enum = [...out.enum, null];
  return nullable;
}

/** Every `components.schemas` entry, converted, as one schema that references can point into. */
export function componentsSchema(schemas: Record<string, unknown>): OpenApiSchema {
  return { $id: COMPONENTS_ID, definitions: mapValues(schemas, toJsonSchema) };
}

function refOf(ref: string): string {
  if (!ref.startsWith(SCHEMA_REF)) throw new Error(`Unsupported $ref ${ref}: only ${SCHEMA_REF}… is resolved`);
  return `${COMPONENTS_ID}#/definitions/${ref.slice(SCHEMA_REF.length)}`;
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}
