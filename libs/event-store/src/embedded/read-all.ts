import type { ReadAllOptions, RecordedEvent } from '../event-store.port';
import { matchesFilter } from '../position';
import { PAGE_SIZE, type EventSource, type ScannedEvent } from './event-source';

/** `readAll` over pages of `$all`, filtering each page. */
export function readAllFrom<T extends ScannedEvent>(source: EventSource<T>, options: ReadAllOptions = {}): RecordedEvent[] {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const found: RecordedEvent[] = [];
  let after = options.fromPosition;
  while (found.length < limit) {
    const page = source.readPage(after, PAGE_SIZE);
    for (const event of page) {
      after = event.position;
      if (!matchesFilter(event.streamId, event.type, options.filter)) continue;
      found.push(source.toRecorded(event));
      if (found.length >= limit) break;
    }
    if (page.length < PAGE_SIZE) break;
  }
  return found;
}
