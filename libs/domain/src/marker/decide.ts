import { conflict, invalid, notFound, rejected } from '../shared/domain-error';
import type { Decider } from '../shared/decider';
import { requiredName } from '../journey/required-name';
import { isSingleEmoji } from './emoji';
import type { MarkerEvent } from './events';
import { MARKER_NAME_MAX, MARKERS_MAX } from './limits';
import { evolveMarkerCatalogue, initialMarkerCatalogueState, liveMarker, liveMarkers, type MarkerCatalogueState, type MarkerEntry } from './state';

export type CreateMarker = { type: 'CreateMarker'; markerId: string; name: string; emoji: string };
/** Only the fields given change; giving the current value changes nothing. */
export type ChangeMarker = { type: 'ChangeMarker'; markerId: string; name?: string; emoji?: string };
export type DeleteMarker = { type: 'DeleteMarker'; markerId: string };

export type MarkerCommand = CreateMarker | ChangeMarker | DeleteMarker;

/** Two names that differ only by case, surrounding spaces or Unicode composition are the same marker name. */
export function normalizeMarkerName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

function validEmoji(emoji: string): string {
  if (!isSingleEmoji(emoji)) throw invalid('emoji', 'emoji must be exactly one emoji');
  return emoji;
}

function assertNameFree(state: MarkerCatalogueState, name: string, markerId: string): void {
  const wanted = normalizeMarkerName(name);
  const holder = liveMarkers(state).find((marker) => marker.markerId !== markerId && normalizeMarkerName(marker.name) === wanted);
  if (holder) throw conflict('marker_name_taken', `A marker named "${holder.name}" already exists (names are unique, ignoring case)`);
}

function existing(state: MarkerCatalogueState, markerId: string): MarkerEntry {
  const marker = liveMarker(state, markerId);
  if (!marker) throw notFound('marker_not_found', `Marker ${markerId} does not exist`);
  return marker;
}

function decideCreate(command: CreateMarker, state: MarkerCatalogueState): MarkerEvent[] {
  if (state.markers[command.markerId]) throw conflict('marker_exists', `Marker ${command.markerId} already exists`);
  const name = requiredName('name', command.name, MARKER_NAME_MAX);
  const emoji = validEmoji(command.emoji);
  if (liveMarkers(state).length >= MARKERS_MAX) {
    throw rejected('marker_limit', `At most ${MARKERS_MAX} markers can be configured; delete one before adding another`);
  }
  assertNameFree(state, name, command.markerId);
  return [{ type: 'MarkerCreated', data: { markerId: command.markerId, name, emoji } }];
}

function decideChange(command: ChangeMarker, state: MarkerCatalogueState): MarkerEvent[] {
  const marker = existing(state, command.markerId);
  const events: MarkerEvent[] = [];
  if (command.name !== undefined) {
    const name = requiredName('name', command.name, MARKER_NAME_MAX);
    if (name !== marker.name) {
      assertNameFree(state, name, marker.markerId);
      events.push({ type: 'MarkerRenamed', data: { markerId: marker.markerId, name } });
    }
  }
  if (command.emoji !== undefined) {
    const emoji = validEmoji(command.emoji);
    if (emoji !== marker.emoji) events.push({ type: 'MarkerEmojiChanged', data: { markerId: marker.markerId, emoji } });
  }
  return events;
}

function decideDelete(command: DeleteMarker, state: MarkerCatalogueState): MarkerEvent[] {
  const marker = existing(state, command.markerId);
  return [{ type: 'MarkerDeleted', data: { markerId: marker.markerId } }];
}

/** CS6: the marker catalogue, one stream for all markers. A deleted marker answers 404 like an unknown one. */
export const markerCatalogueDecider: Decider<MarkerCommand, MarkerCatalogueState, MarkerEvent> = {
  initialState: initialMarkerCatalogueState,
  evolve: evolveMarkerCatalogue,
  decide(command, state) {
    switch (command.type) {
      case 'CreateMarker':
        return decideCreate(command, state);
      case 'ChangeMarker':
        return decideChange(command, state);
      case 'DeleteMarker':
        return decideDelete(command, state);
    }
  },
};
