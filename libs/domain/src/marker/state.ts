import type { MarkerEvent } from './events';

export interface MarkerEntry {
  markerId: string;
  name: string;
  emoji: string;
  /** Deleted markers stay known, so that their ids are never taken for live ones. */
  deleted: boolean;
}

/** The catalogue: every marker ever created, by id. */
export type MarkerCatalogueState = { markers: Record<string, MarkerEntry> };

export const initialMarkerCatalogueState: MarkerCatalogueState = { markers: {} };

export function evolveMarkerCatalogue(state: MarkerCatalogueState, event: MarkerEvent): MarkerCatalogueState {
  const put = (markerId: string, change: Partial<MarkerEntry>): MarkerCatalogueState => {
    const current = state.markers[markerId];
    return current ? { markers: { ...state.markers, [markerId]: { ...current, ...change } } } : state;
  };
  switch (event.type) {
    case 'MarkerCreated': {
      const { markerId, name, emoji } = event.data;
      return { markers: { ...state.markers, [markerId]: { markerId, name, emoji, deleted: false } } };
    }
    case 'MarkerRenamed':
      return put(event.data.markerId, { name: event.data.name });
    case 'MarkerEmojiChanged':
      return put(event.data.markerId, { emoji: event.data.emoji });
    case 'MarkerDeleted':
      return put(event.data.markerId, { deleted: true });
    default:
      return state;
  }
}

/** The markers in use (not deleted). */
export function liveMarkers(state: MarkerCatalogueState): MarkerEntry[] {
  return Object.values(state.markers).filter((marker) => !marker.deleted);
}

/** A live marker by id, or undefined when it is unknown or deleted. */
export function liveMarker(state: MarkerCatalogueState, markerId: string): MarkerEntry | undefined {
  const marker = state.markers[markerId];
  return marker && !marker.deleted ? marker : undefined;
}
