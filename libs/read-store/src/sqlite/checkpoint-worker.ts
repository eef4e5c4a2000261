/**
 * The checkpoint thread's entry (see background-checkpointer.ts): its own connection to the
 * read-model file, a PASSIVE checkpoint every `intervalMs` until told to stop. PASSIVE never
 * waits for readers or writers: it copies what it can and leaves the rest to the next round.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

export interface CheckpointWorkerData {
  path: string;
  intervalMs: number;
}

const { path, intervalMs } = workerData as CheckpointWorkerData;
const db = new Database(path);
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), intervalMs);

parentPort!.on('message', (message: 'stop') => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort!.close();
});
