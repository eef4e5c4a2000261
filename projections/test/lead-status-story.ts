import { customerStreamId, type DomainEvent } from '@trilha/domain';
import type { AllFilter, RecordedEvent } from '@trilha/event-store';
import { recordMarkerStory } from './marker-story';

export const ana = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
export const bia = '7a2e3c2f-1d8b-4e6f-8b63-7b2a4d2a0f02';
export const caio = '8b3f4d30-2e9c-4f70-9c74-8c3b5e3b1a03';
export const dora = '9c405e41-3fad-4081-8d85-9d4c6f4c2b04';
export const schedule = (n: number) => `${n}${n}${n}${n}${n}${n}${n}${n}-0000-4000-8000-00000000000${n}`;

const registered = (customerId: string, name: string): [string, DomainEvent] => [customerStreamId(customerId), { type: 'CustomerRegistered', data: { customerId, name, phones: [] } }];
const scheduled = (customerId: string, n: number, to: string, at: string): [string, DomainEvent] => [
  customerStreamId(customerId),
  { type: 'LeadStatusChangeScheduled', data: { customerId, scheduleId: schedule(n), to, at } },
];

/**
 * T14: Ana's change is replaced by another (still pending); Bia's is cancelled; Caio's is carried
 * out; Dora is deleted with a change pending.
 */
export const LEAD_STATUS_STORY: Array<[string, DomainEvent]> = [
  registered(ana, 'Ana'),
  registered(bia, 'Bia'),
  registered(caio, 'Caio'),
  registered(dora, 'Dora'),
  scheduled(ana, 1, 'sale', '2026-02-01T12:00:00.000Z'),
  scheduled(bia, 2, 'no_sale', '2026-02-02T12:00:00.000Z'),
  scheduled(caio, 3, 'in_progress', '2026-01-20T12:00:00.000Z'),
  scheduled(dora, 4, 'sale', '2026-02-04T12:00:00.000Z'),
  scheduled(ana, 5, 'no_sale', '2026-03-01T12:00:00.000Z'),
  [customerStreamId(bia), { type: 'LeadStatusChangeCancelled', data: { customerId: bia, scheduleId: schedule(2) } }],
  [customerStreamId(caio), { type: 'LeadStatusChanged', data: { customerId: caio, from: 'new', to: 'in_progress', scheduleId: schedule(3) } }],
  [customerStreamId(dora), { type: 'CustomerDeleted', data: { customerId: dora } }],
];

export const recordLeadStatusStory = (filter: AllFilter | undefined, story = LEAD_STATUS_STORY): Promise<RecordedEvent[]> => recordMarkerStory(filter, story);
