import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiProblems } from '../openapi/api-problems.decorator';
import type { Role } from './roles';

export const REQUIRED_ROLES = 'trilha:required-roles';

/** Only actors with one of these roles may call the route (or the controller's routes); others get 403. */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiProblems(403));
