import type { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog } from './event-log';
import { serverFilterOf, type ServerFilter } from './event-filter';
import { caughtUpResponse, checkpointResponse, confirmationResponse, eventResponse } from './read-responses';
import type { ResponseWriter } from './response-writer';

/**
 * Streams.Read of `$all` with the subscription option. Sends the confirmation, then every
 * event after the start (a position is exclusive, as on the server), then `caught_up` once
 * the end of the log is reached, then live events as they are appended. One cursor serves
 * both phases, so nothing appended meanwhile can fall in a gap. A filtered subscription also
 * sends a checkpoint after every checkpoint interval of scanned events, matching or not.
 */
export function subscribeToAll(log: EventLog, options: ReadReq.Options, writer: ResponseWriter): void {
  const all = options.getAll()!;
  let start = 0;
  if (all.hasEnd()) start = log.length;
  else if (all.hasPosition()) start = log.indexAfter(BigInt(all.getPosition()!.getCommitPosition()));
  new AllSubscription(log, writer, start, serverFilterOf(options)).start();
}

class AllSubscription {
  private pumping = false;
  private caughtUpSent = false;
  private scannedSinceCheckpoint = 0;
  private stopListening: () => void = () => undefined;

  constructor(
    private readonly log: EventLog,
    private readonly writer: ResponseWriter,
    private next: number,
    private readonly filter: ServerFilter | undefined,
  ) {}

  start(): void {
    this.stopListening = this.log.onAppend(() => void this.pump());
    this.writer.onCancelled(() => this.stopListening());
    void this.writer.send(confirmationResponse()).then(() => this.pump());
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      // No await separates the last look at the log from leaving the loop, so an append
      // either is seen here or starts a new pump.
      for (;;) {
        if (this.writer.cancelled) return;
        if (this.next < this.log.length) {
          await this.sendNext();
          continue;
        }
        if (this.caughtUpSent) return;
        this.caughtUpSent = true;
        await this.writer.send(caughtUpResponse());
      }
    } finally {
      this.pumping = false;
    }
  }

  private async sendNext(): Promise<void> {
    const event = this.log.at(this.next);
    this.next += 1;
    if (!this.filter || this.filter.matches(event)) await this.writer.send(eventResponse(event));
    if (this.filter && ++this.scannedSinceCheckpoint >= this.filter.checkpointInterval) {
      this.scannedSinceCheckpoint = 0;
      await this.writer.send(checkpointResponse(event.position));
    }
  }
}
