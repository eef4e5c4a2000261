import { v4 as uuidv4 } from 'uuid';
import { nameBasedUuid, namespaceBytes } from './name-based-uuid';

/** Namespace of every id Trilha derives (UUIDv5). Changing it would break idempotent retries. */
const TRILHA_NAMESPACE = namespaceBytes('1b671a64-40d5-491e-99b0-da01ff1f3341');

/**
 * The command id: from the Idempotency-Key (scoped to the actor, so two users cannot collide),
 * else random. A retried request with the same key gets the same command id.
 */
export function commandIdFor(actorId: string, idempotencyKey?: string): string {
  return idempotencyKey ? nameBasedUuid(`command:${actorId}:${idempotencyKey}`, TRILHA_NAMESPACE) : uuidv4();
}

/** The id of the n-th event a command appends: a retry cannot append it twice. */
export function eventIdFor(commandId: string, index: number): string {
  return nameBasedUuid(`event:${commandId}:${index}`, TRILHA_NAMESPACE);
}

/** The id of an entity a command creates (a customer, a proposal …), stable across retries. */
export function entityIdFor(commandId: string, kind: string): string {
  return nameBasedUuid(`${kind}:${commandId}`, TRILHA_NAMESPACE);
}
