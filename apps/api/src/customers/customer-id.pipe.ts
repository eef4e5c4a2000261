import { Injectable, type PipeTransform } from '@nestjs/common';
import { validate as isUuid } from 'uuid';
import { BadRequestProblem } from '../platform';

/** Route ids are UUIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return uuidOrBadRequest('id', value);
  }
}

/** The same check for another route parameter: `@Param('proposalId', uuidParam('proposalId'))`. */
export function uuidParam(field: string): PipeTransform<string, string> {
  return { transform: (value: string) => uuidOrBadRequest(field, value) };
}

function uuidOrBadRequest(field: string, value: string): string {
  if (!isUuid(value)) throw new BadRequestProblem(field, `${field} must be a UUID`);
  return value.toLowerCase();
}
