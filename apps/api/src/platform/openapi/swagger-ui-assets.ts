/**
 * Whether the Swagger UI's static files can be served: Nest serves them with @fastify/static,
 * which needs `require()` of ES modules (Node ≥ 20.19). Jest's module loader on Node 20 cannot,
 * and Nest would end the process on the failed load.
 */
export function canServeSwaggerUi(): boolean {
  try {
    require('@fastify/static');
    return true;
  } catch {
    return false;
  }
}
