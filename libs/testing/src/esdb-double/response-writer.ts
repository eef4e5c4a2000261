import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';

/** Writes Read responses with back-pressure, and stops quietly once the client has cancelled. */
export class ResponseWriter {
  constructor(private readonly call: ServerWritableStream<ReadReq, ReadResp>) {}

  get cancelled(): boolean {
    return this.call.cancelled;
  }

  onCancelled(listener: () => void): void {
    this.call.once('cancelled', listener);
  }

  /** Resolves when the message is buffered and the stream can take more (or the call is gone). */
  async send(message: ReadResp): Promise<void> {
    if (this.call.cancelled) return;
    if (this.call.write(message)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.call.off('drain', done);
        this.call.off('cancelled', done);
        resolve();
      };
      this.call.on('drain', done);
      this.call.on('cancelled', done);
    });
  }

  end(): void {
    if (!this.call.cancelled) this.call.end();
  }
}
