import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { runtimeFlags } from './machine';
import type { InProcessQueryResult } from './measure-queries';
import type { QueryWorld } from './query-cases';

const ROOT = path.resolve(__dirname, '../../../..');

/** A server process under test (bench-server-child), reached over loopback. */
export class BenchServer {
  private constructor(private readonly child: ChildProcess, readonly baseUrl: string) {}

  /**
   * Built (dist/…/bench-server-child.js): plain node. From sources (the smoke test under Jest):
   * through ts-node, as the other child-process tests do. Either way with this process's runtime
   * flags (machine.ts). `cpuProf` writes a V8 CPU profile of the
   * server into that folder (`node --cpu-prof`).
   */
  static async start(kind: 'app' | 'nest' | 'fastify', dataDir = '', cpuProf?: string): Promise<BenchServer> {
    const fromSources = __filename.endsWith('.ts');
    const entry = path.join(__dirname, `bench-server-child${fromSources ? '.ts' : '.js'}`);
    const execArgv = [...runtimeFlags(), ...(fromSources ? ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'] : [])];
    if (cpuProf) execArgv.push('--cpu-prof', `--cpu-prof-dir=${cpuProf}`);
    const child = fork(entry, [kind, dataDir], {
      cwd: ROOT,
      execArgv,
      env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`The ${kind} bench server exited with ${code} before listening`)));
      child.on('message', (message: { kind: string; port?: number }) => {
        if (message.kind === 'ready') resolve(message.port!);
      });
    });
    child.removeAllListeners('exit');
    return new BenchServer(child, `http://127.0.0.1:${port}`);
  }

  /** Peak resident set size of the server process so far, in bytes. */
  peakRss(): Promise<{ rss: number; current: number }> {
    return new Promise((resolve) => {
      const onMessage = (message: { kind: string; rss: number; current: number }) => {
        if (message.kind !== 'rss') return;
        this.child.off('message', onMessage);
        resolve({ rss: message.rss, current: message.current });
      };
      this.child.on('message', onMessage);
      this.child.send({ kind: 'rss' });
    });
  }

  /** CPU time the server process has used so far (all its threads, user + system), in µs. */
  cpuMicros(): Promise<number> {
    return new Promise((resolve) => {
      const onMessage = (message: { kind: string; micros: number }) => {
        if (message.kind !== 'cpu') return;
        this.child.off('message', onMessage);
        resolve(message.micros);
      };
      this.child.on('message', onMessage);
      this.child.send({ kind: 'cpu' });
    });
  }

  /** (6) in the server process (app only): its query handlers and the bare queries, on its read-model file. */
  measureQueriesInProcess(readModelsFile: string, world: QueryWorld, samples: number): Promise<InProcessQueryResult[]> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: { kind: string; results?: InProcessQueryResult[]; error?: string }) => {
        if (message.kind !== 'queries') return;
        this.child.off('message', onMessage);
        if (message.error) reject(new Error(`In-process queries failed: ${message.error}`));
        else resolve(message.results!);
      };
      this.child.on('message', onMessage);
      this.child.send({ kind: 'queries', readModelsFile, world, samples });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ kind: 'stop' });
    const timeout = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timeout);
  }
}
