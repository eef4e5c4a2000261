import { parentPort } from 'node:worker_threads';

/**
 * The thread side of a RequestThread: answers each request in order with what `handle` returns
 * (plus the request's id); on `close`, calls `close` and ends the thread.
 */
export function serveRequests<R extends { kind: string }, A extends object>(handle: (request: R) => A, close: () => void): void {
  const port = parentPort!;
  port.on('message', (message: (R & { id: number }) | { kind: 'close' }) => {
    if (message.kind === 'close') {
      close();
      port.close();
      return;
    }
    const request = message as R & { id: number };
    port.postMessage({ ...handle(request), id: request.id });
  });
}
