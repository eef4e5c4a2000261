import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { CommandRouter } from './command-router';
import { serveConnection } from './wire-connection';

export interface MongoDbDouble {
  /** Connection string for `new MongoClient(url)`; no database in its path. */
  url: string;
  stop(): Promise<void>;
}

export interface MongoDbDoubleOptions {
  /**
   * Advertise a single-node replica set of this name (the default, 'rs0'), so that drivers run
   * transactions and retryable writes; `false` for a standalone server, which refuses them.
   */
  replicaSet?: string | false;
}

/**
 * Starts an in-process, in-memory MongoDB server (7.0 wire protocol) on 127.0.0.1 and an
 * ephemeral port, for the official driver: OP_MSG with BSON, filters, updates, sorts and
 * aggregation evaluated by mingo, unique indexes, cursors and multi-document transactions.
 * Commands it does not know answer CommandNotFound (code 59). See docs/testing.md.
 */
export async function startMongoDbDouble(options: MongoDbDoubleOptions = {}): Promise<MongoDbDouble> {
  const setName = options.replicaSet === false ? undefined : (options.replicaSet ?? 'rs0');
  const sockets = new Set<Socket>();
  // The router answers hello with the server's address, known once it listens; no client can
  // connect before that.
  let router: CommandRouter | undefined;
  let connections = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, ++connections, (command, connectionId) => router!.execute(command, connectionId));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const address = `127.0.0.1:${port}`;
  router = new CommandRouter({ address, setName });

  const query = setName ? `?replicaSet=${setName}&directConnection=true` : '?directConnection=true';
  return {
    url: `mongodb://${address}/${query}`,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
