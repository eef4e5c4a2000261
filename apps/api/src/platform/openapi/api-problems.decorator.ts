import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse } from '@nestjs/swagger';
import { FieldErrorDto, ProblemDetailsDto } from './problem-details.dto';
import { problemResponse } from './problem-response';

export type ProblemStatus = number | { status: number; description: string };

/**
 * Declares the problem+json error responses of a route (or of every route of a controller):
 * `@ApiProblems(404, 409, { status: 422, description: 'The wallet has no journey' })`.
 * 401 (protected routes) and 400/413/415 (routes with a body) are added by `setupOpenApi`.
 */
export function ApiProblems(...statuses: ProblemStatus[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto, FieldErrorDto),
    ...statuses.map((entry) => {
      const { status, description } = typeof entry === 'number' ? { status: entry, description: undefined } : entry;
      return ApiResponse({ status, ...problemResponse(status, description) });
    }),
  );
}
