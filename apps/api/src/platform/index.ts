export { configureHttpApp, type HttpAppOptions } from './configure-http-app';
export { createFastifyAdapter, DEFAULT_BODY_LIMIT, type FastifyAdapterOptions } from './fastify-adapter';
export { PlatformModule, type PlatformModuleOptions, type Factory } from './platform.module';

export { ACCESS_POLICY, type AccessPolicy, type RouteRef } from './auth/access-policy';
export { type Actor } from './auth/actor';
export { CurrentActor } from './auth/current-actor.decorator';
export { InvalidTokenError, type InvalidTokenReason } from './auth/invalid-token.error';
export { Public } from './auth/public.decorator';
export { resolveJwtSecret, JWT_SECRET_FILE } from './auth/resolve-jwt-secret';
export { Roles } from './auth/roles.decorator';
export { ROLES, type Role, isRole } from './auth/roles';
export { TokenService, type TokenClaims } from './auth/token-service';

export { HEALTH_CHECKS, type HealthCheck, type HealthCheckResult } from './health/health-check';

export { CORRELATION_ID_HEADER, correlationIdOf } from './logging/correlation-id';
export { CorrelationId } from './logging/correlation-id.decorator';
export { type LoggingOptions } from './logging/logger-params';

export {
  COMMAND_DURATION,
  type CommandDurationHistogram,
  METRICS_REGISTRY,
  PROJECTION_LAG,
  PROJECTION_LAG_SOURCE,
  type ProjectionLag,
  type ProjectionLagGauge,
  type ProjectionLagSource,
} from './metrics/metrics.tokens';

export { ApiProblems, type ProblemStatus } from './openapi/api-problems.decorator';
export { FieldErrorDto, ProblemDetailsDto } from './openapi/problem-details.dto';
export { setupOpenApi, type OpenApiOptions } from './openapi/setup-open-api';

export { type FieldError, PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type ProblemDetails } from './problems/problem-details';
export { ProblemException, type ProblemInit } from './problems/problem-exception';
export {
  BadRequestProblem,
  ConflictProblem,
  ForbiddenProblem,
  NotFoundProblem,
  type ProblemOptions,
  UnauthorizedProblem,
  UnprocessableProblem,
} from './problems/problems';
