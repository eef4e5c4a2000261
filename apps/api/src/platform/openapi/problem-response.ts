import { getSchemaPath } from '@nestjs/swagger';
import type { ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_CONTENT_TYPE } from '../problems/problem-details';
import { ProblemDetailsDto } from './problem-details.dto';

/** The OpenAPI response object of a problem+json error. */
export function problemResponse(status: number, description = STATUS_CODES[status] ?? 'Error'): ResponseObject {
  return {
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
  };
}
