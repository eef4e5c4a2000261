import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchOptions } from '../apps/cli/src/bench/bench-options';
import { runBench } from '../apps/cli/src/bench/run-bench';

/**
 * The bench runs to completion and writes its table (issue 7). It runs the code of
 * `npm run bench -- --quick` on fewer events, and checks no timing: benchmarks are not tests.
 */
describe('bench smoke', () => {
  it('measures all seven lines on a small quick run and writes the table', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trilha-bench-smoke-'));
    const docPath = path.join(dir, 'benchmarks.md');
    try {
      const options = benchOptions({ quick: true, events: 2_000, customers: 60, docPath });
      const lines: string[] = [];
      const results = await runBench({ ...options, loadSeconds: 1, samples: 10, rawAppends: 50 }, { log: (line) => lines.push(line), print: (line) => lines.push(line) });

      expect(results.seeding.events).toBe(2_000);
      expect(results.inThreadAppend.perSecond).toBeGreaterThan(0);
      expect(results.rebuilds.map((r) => r.name)).toEqual(expect.arrayContaining(['timeline', 'wallet-board']));
      expect(results.commands.requestsPerSecond).toBeGreaterThan(0);
      expect(results.commands.non2xx).toBe(0);
      expect(results.lag.failed).toBe(0);
      expect(results.lag.count).toBeGreaterThan(0);
      // (3) loads a minimal Nest app, (3b) the Trilha app, both against bare Fastify.
      expect(results.hello.nest.requestsPerSecond).toBeGreaterThan(0);
      expect(results.hello.nest.non2xx).toBe(0);
      expect(results.hello.app.non2xx).toBe(0);
      // (3c) each server's CPU time was read around its rounds and divided by the requests it answered.
      expect(results.hello.nest.requests).toBeGreaterThan(0);
      expect(results.hello.nest.cpuMicrosPerRequest).toBeGreaterThan(0);
      expect(results.hello.bare.cpuMicrosPerRequest).toBeGreaterThan(0);
      // (6) the handler in process, the bare query and HTTP all read the same data.
      expect(results.queries.map((q) => q.appItems)).toEqual(results.queries.map((q) => q.bareRows));
      expect(results.queries.map((q) => q.httpItems)).toEqual(results.queries.map((q) => q.bareRows));
      expect(results.queries.find((q) => q.name.startsWith('timeline'))?.sameIds).toBe(true);
      const table = fs.readFileSync(docPath, 'utf8');
      for (const line of ['(1) raw durable append', '(1a) the same appends committed on the calling thread', '(2) HTTP commands', '(3) hello route: minimal Nest', '(3b) hello route: the Trilha app', '(3c) the same loads: server CPU per request', '(4) rebuild timeline', '(4) rebuild wallet-board', '(5) live lag', '(6) timeline page', '(6) wallet board', '(6) calendar month', '(7) peak RSS']) {
        expect(table).toContain(line);
      }
      expect(table).toMatch(/Node v\d+/);
      expect(lines.some((line) => line.startsWith('(7) peak RSS'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
