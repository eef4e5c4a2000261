import type { DomainEvent } from '../shared/decider';

/** CS6: a marker of the catalogue, with its emoji. Its id is chosen by the caller (derived from the command id). */
export type MarkerCreated = DomainEvent<'MarkerCreated', { markerId: string; name: string; emoji: string }>;
export type MarkerRenamed = DomainEvent<'MarkerRenamed', { markerId: string; name: string }>;
export type MarkerEmojiChanged = DomainEvent<'MarkerEmojiChanged', { markerId: string; emoji: string }>;
/** The marker leaves the catalogue; customers that had it show no marker (read models treat it as none). */
export type MarkerDeleted = DomainEvent<'MarkerDeleted', { markerId: string }>;

export type MarkerEvent = MarkerCreated | MarkerRenamed | MarkerEmojiChanged | MarkerDeleted;

export const MARKER_EVENT_TYPES = ['MarkerCreated', 'MarkerRenamed', 'MarkerEmojiChanged', 'MarkerDeleted'] as const satisfies readonly MarkerEvent['type'][];

/** The one stream of the whole marker catalogue (docs/adr/0029-markers.md): the limit and uniqueness are decided on it. */
export const MARKERS_STREAM_ID = 'markers';
