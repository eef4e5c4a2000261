import type { PipeTransform } from '@nestjs/common';
import { validate as isUuid } from 'uuid';
import { BadRequestProblem } from '../platform';

/** A route parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function uuidParam(field: string): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (!isUuid(value)) throw new BadRequestProblem(field, `${field} must be a UUID`);
      return value.toLowerCase();
    },
  };
}
