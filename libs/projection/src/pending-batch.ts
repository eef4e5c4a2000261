import { comparePositions, type Position, type RecordedEvent, type SubscriptionItem } from '@trilha/event-store';

/** Subscription items gathered for one commit. */
export class PendingBatch {
  readonly events: RecordedEvent[] = [];
  /** The furthest position the subscription has delivered or scanned: the batch's checkpoint. */
  end: Position | undefined;
  /** A `caughtUp` item was part of the batch. */
  reachedHead = false;

  add(item: SubscriptionItem): void {
    switch (item.kind) {
      case 'event':
        this.events.push(item.event);
        this.extend(item.event.position);
        break;
      case 'checkpoint':
        this.extend(item.position);
        break;
      case 'caughtUp':
        this.reachedHead = true;
        if (item.position) this.extend(item.position);
        break;
    }
  }

  private extend(position: Position): void {
    if (!this.end || comparePositions(position, this.end) > 0) this.end = position;
  }
}
