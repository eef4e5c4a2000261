import { customerStreamId, MARKERS_STREAM_ID } from '@trilha/domain';
import type { AllFilter, RecordedEvent } from '@trilha/event-store';
import { recordStory, type Story } from '../test-support/record-story';

export const ana = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
export const bia = '7a2e3c2f-1d8b-4e6f-8b63-7b2a4d2a0f02';
export const vip = '11111111-1111-4111-8111-111111111111';
export const risk = '22222222-2222-4222-8222-222222222222';

/** CS6: two markers, set on two customers, one renamed, one cleared, one deleted. */
export const MARKER_STORY: Story = [
  [MARKERS_STREAM_ID, { type: 'MarkerCreated', data: { markerId: vip, name: 'VIP', emoji: '⭐' } }],
  [MARKERS_STREAM_ID, { type: 'MarkerCreated', data: { markerId: risk, name: 'Em risco', emoji: '⚠️' } }],
  [customerStreamId(ana), { type: 'CustomerRegistered', data: { customerId: ana, name: 'Ana', phones: [] } }],
  [customerStreamId(bia), { type: 'CustomerRegistered', data: { customerId: bia, name: 'Bia', phones: [] } }],
  [customerStreamId(ana), { type: 'CustomerMarkerSet', data: { customerId: ana, markerId: risk } }],
  [customerStreamId(ana), { type: 'CustomerMarkerSet', data: { customerId: ana, markerId: vip } }],
  [customerStreamId(bia), { type: 'CustomerMarkerSet', data: { customerId: bia, markerId: risk } }],
  [MARKERS_STREAM_ID, { type: 'MarkerRenamed', data: { markerId: vip, name: 'Cliente VIP' } }],
  [MARKERS_STREAM_ID, { type: 'MarkerEmojiChanged', data: { markerId: vip, emoji: '💎' } }],
  [MARKERS_STREAM_ID, { type: 'MarkerDeleted', data: { markerId: risk } }],
];

/** The story as the event store records it, one event per minute, filtered as a subscription is. */
export function recordMarkerStory(filter: AllFilter | undefined, story: Story = MARKER_STORY): Promise<RecordedEvent[]> {
  return recordStory(story, filter, (i) => ({ occurredAt: new Date(Date.UTC(2026, 0, 15, 12, i)).toISOString() }));
}
