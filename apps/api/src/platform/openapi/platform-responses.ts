import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PUBLIC_OPERATION_EXTENSION } from '../auth/public.decorator';
import { problemResponse } from './problem-response';

export const BEARER_SCHEME = 'bearer';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Completes each operation with what the platform itself does, so the document stays truthful
 * without every controller repeating it: public operations need no security; the others need
 * the bearer token and may answer 401; an operation with a body may answer 400, 413 and 415;
 * a command (POST, PUT, PATCH, DELETE) that needs a token may answer 429.
 */
export function addPlatformResponses(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation) completeOperation(operation, method);
    }
  }
  return document;
}

/** Commands count against the caller's per-user budget (TRILHA_COMMAND_RATE_LIMIT). */
const COMMAND_METHODS = new Set<string>(['post', 'put', 'patch', 'delete']);

function completeOperation(operation: OperationObject, method: (typeof METHODS)[number]): void {
  const extensions = operation as unknown as Record<string, unknown>;
  const isPublic = extensions[PUBLIC_OPERATION_EXTENSION] === true;
  delete extensions[PUBLIC_OPERATION_EXTENSION];
  operation.security = isPublic ? [] : [{ [BEARER_SCHEME]: [] }];
  const extra: number[] = [...(isPublic ? [] : [401]), ...(operation.requestBody ? [400, 413, 415] : [])];
  for (const status of extra) {
    operation.responses[status] ??= problemResponse(status);
  }
  if (!isPublic && COMMAND_METHODS.has(method)) {
    operation.responses[429] ??= {
      ...problemResponse(429, 'Too many commands from this user in the last minute; nothing was done'),
      headers: { 'Retry-After': { description: 'Seconds to wait before sending it again', schema: { type: 'integer', minimum: 1 } } },
    };
  }
}
