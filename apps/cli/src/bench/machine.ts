import * as os from 'node:os';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  /** The V8 and Node flags of the bench process, which its server processes run with too. */
  nodeFlags: string[];
  platform: string;
  date: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    nodeFlags: runtimeFlags(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
  };
}

/**
 * The flags of this process that its server children get too (`npm run bench` passes the same
 * young-generation size the product's start scripts do: docs/adr/0033-young-generation-size.md).
 */
export function runtimeFlags(): string[] {
  return process.execArgv.filter((flag) => flag.startsWith('--max-semi-space-size'));
}
