import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'trilha:is-public';
/** Marks public operations in the OpenAPI document until `setupOpenApi` turns it into `security: []`. */
export const PUBLIC_OPERATION_EXTENSION = 'x-trilha-public';

/** The route (or every route of the controller) needs no bearer token. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));
