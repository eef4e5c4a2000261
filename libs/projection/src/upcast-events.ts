import type { RecordedEvent } from '@trilha/event-store';

/**
 * What projections need of the domain's UpcasterRegistry. Structural, so that this library does
 * not depend on the domain.
 */
export interface EventUpcaster {
  currentVersion(type: string): number;
  upcast(type: string, data: Record<string, unknown>, storedVersion?: number): { data: object };
}

/**
 * The runner's `upcast` option from an upcaster registry: an event stored with an older
 * `metadata.schemaVersion` reaches the handler in the current shape, with the current version.
 */
export function upcastWith(upcasters: EventUpcaster): (event: RecordedEvent) => RecordedEvent {
  return (event) => {
    const stored = event.metadata.schemaVersion ?? 1;
    const current = upcasters.currentVersion(event.type);
    if (stored >= current) return event;
    // Upcasters return plain JSON payloads; the registry only types them as objects.
    const data = upcasters.upcast(event.type, event.data, stored).data as Record<string, unknown>;
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: current } };
  };
}
