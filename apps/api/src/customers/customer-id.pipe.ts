import { Injectable, type PipeTransform } from '@nestjs/common';
import { validate as isUuid } from 'uuid';
import { BadRequestProblem } from '../platform';

/** Route ids are UUIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'id') {}

  transform(value: string): string {
    if (!isUuid(value)) throw new BadRequestProblem(this.field, `${this.field} must be a UUID`);
    return value.toLowerCase();
  }
}
