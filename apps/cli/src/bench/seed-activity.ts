import { v4 as uuid } from 'uuid';
import { createEventUpcasters, customerDecider, fold, sealAppend, type CustomerCommand, type CustomerEvent, type CustomerState, type StreamTail } from '@trilha/domain';
import type { EventData, EventStore } from '@trilha/event-store';
import { eventIdFor } from '../../../api/src/commands/deterministic-ids';
import type { PersonalDataVault } from '../../../api/src/infrastructure/personal-data-vault';
import { inParallel } from './seed-setup';

/** Events per append when a customer's activity is written (one transaction per batch). */
export const ACTIVITY_BATCH = 250;

const ACTOR = { id: 'bench-broker', role: 'broker', name: 'Bench broker', kind: 'user' as const };
const TEMPERATURES = ['cold', 'warm', 'hot'] as const;

/** The i-th activity command of a customer: mostly temperature changes, then comments, then objectives. */
function activityCommand(customerId: string, state: CustomerState, i: number): CustomerCommand {
  const kind = i % 20;
  if (kind < 12) {
    const current = state.exists ? state.temperature : undefined;
    const others = TEMPERATURES.filter((t) => t !== current);
    return { type: 'ChangeTemperature', customerId, temperature: others[i % others.length] };
  }
  if (kind < 17) return { type: 'AddComment', customerId, commentId: uuid(), text: `Ligação ${i}: cliente pediu proposta com financiamento em 36x e visita na sexta.` };
  return { type: 'ChangeObjective', customerId, objective: state.exists && state.objective === 'buy' ? 'rent' : 'buy' };
}

/**
 * The bulk of the seeded events: `perCustomer` activity commands for each customer, decided,
 * encrypted (vault), enveloped and sealed exactly as the CommandPipeline does, but decided against
 * a state kept in memory instead of re-reading the stream before each command, and appended in
 * batches of ACTIVITY_BATCH events. Occurred-at times run back from now, one minute apart.
 */
export async function seedActivity(
  store: EventStore,
  vault: PersonalDataVault,
  customerIds: string[],
  totalEvents: number,
  progress: (appended: number) => void,
): Promise<number> {
  const upcasters = createEventUpcasters();
  let appended = 0;
  const base = Math.floor(totalEvents / customerIds.length);
  const extra = totalEvents % customerIds.length;
  await inParallel(customerIds, 8, async (customerId, index) => {
    const count = base + (index < extra ? 1 : 0);
    const streamId = `customer-${customerId}`;
    const recorded = await store.readStream(streamId);
    const decrypted = await Promise.all(recorded.map((event) => vault.decrypt(event)));
    let state = fold(customerDecider, decrypted.map((e) => upcasters.upcast(e.type, e.data, e.metadata.schemaVersion ?? 1) as CustomerEvent));
    const last = recorded[recorded.length - 1];
    let tail: StreamTail | undefined = last && { revision: last.revision, metadata: last.metadata };
    const startedAt = Date.now() - count * 60_000;

    for (let from = 0; from < count; from += ACTIVITY_BATCH) {
      const batch: EventData[] = [];
      for (let i = from; i < Math.min(count, from + ACTIVITY_BATCH); i++) {
        const commandId = uuid();
        const now = new Date(startedAt + i * 60_000);
        const events = customerDecider.decide(activityCommand(customerId, state, i), state, now);
        for (const [n, event] of events.entries()) {
          state = customerDecider.evolve(state, event);
          batch.push({
            id: eventIdFor(commandId, n),
            type: event.type,
            data: await vault.encrypt(event.type, event.data as Record<string, unknown>),
            metadata: {
              actor: ACTOR,
              commandId,
              correlationId: commandId,
              causationId: commandId,
              occurredAt: now.toISOString(),
              schemaVersion: upcasters.currentVersion(event.type),
            },
          });
        }
      }
      const sealed: EventData[] = sealAppend(streamId, tail, batch);
      const result = await store.append(streamId, sealed, tail ? tail.revision : 'noStream');
      tail = { revision: result.nextExpectedRevision, metadata: sealed[sealed.length - 1].metadata as Record<string, unknown> };
      appended += sealed.length;
      progress(appended);
    }
  });
  return appended;
}
