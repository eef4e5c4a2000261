import { adminToken } from './bench-app';
import { sleep } from './stats';

interface ProjectionsBody {
  projections: Array<{ name: string; status: string; lag: number }>;
}

/**
 * Waits until every projection of the server runs with no lag (`GET /admin/projections`), so
 * that (5) measures the live lag at its own rate, not the drain of the backlog (2) left behind.
 */
export async function waitForProjections(baseUrl: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${baseUrl}/admin/projections`, { headers: { authorization: `Bearer ${adminToken()}` } });
    if (!response.ok) throw new Error(`GET /admin/projections answered ${response.status}`);
    const behind = ((await response.json()) as ProjectionsBody).projections.filter((p) => p.status !== 'running' || p.lag > 0);
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`Projections still behind after ${timeoutMs} ms: ${behind.map((p) => `${p.name} (${p.status}, lag ${p.lag})`).join(', ')}`);
    await sleep(100);
  }
}
