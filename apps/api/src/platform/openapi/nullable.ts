import type { Type } from '@nestjs/common';
import { getSchemaPath } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The JSON `null` alone, written for OpenAPI 3.0 (which has no `type: 'null'`). */
export const NULL_SCHEMA: SchemaObject = { type: 'object', nullable: true, enum: [null] };

/**
 * An object of `model`, or null. `{ type: Model, nullable: true }` renders as
 * `{ nullable: true, allOf: [{ $ref }] }`, which refuses null: `nullable` does not reach into the
 * referenced schema (OpenAPI 3.0.3). Register `model` with `@ApiExtraModels` where it is used.
 */
export function nullableRef(model: Type<unknown>): { oneOf: Array<SchemaObject | ReferenceObject> } {
  return { oneOf: [{ $ref: getSchemaPath(model) }, NULL_SCHEMA] };
}
