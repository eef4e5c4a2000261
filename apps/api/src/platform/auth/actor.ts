import type { Role } from './roles';

/** The authenticated user a request acts for, taken from its verified token. */
export interface Actor {
  id: string;
  role: Role;
  name: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the JWT guard on every route that is not public. */
    actor?: Actor;
  }
}
