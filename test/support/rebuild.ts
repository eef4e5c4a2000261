import type { TestApp } from './test-app';

/**
 * Asks for a blue/green rebuild of `projection` over HTTP, checks the 202 answer names the next
 * generation, and waits (bounded) until the api serves it. Returns the generation switched to.
 */
export async function rebuildAndWaitForSwitch(t: TestApp, projection: string): Promise<number> {
  const admin = { Authorization: `Bearer ${t.token('admin', 'rebuilder')}` };
  const servingVersion = async () => {
    const list = await t.http.get('/admin/projections').set(admin);
    return list.body.projections.find((p: { name: string }) => p.name === projection).version as number;
  };
  const serving = await servingVersion();
  const accepted = await t.http.post(`/admin/projections/${projection}/rebuild`).set(admin);
  expect(accepted.status).toBe(202);
  expect(accepted.body).toEqual({ name: projection, version: serving + 1 });

  let version = serving;
  for (let i = 0; i < 400 && version === serving; i++) {
    version = await servingVersion();
    if (version === serving) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect(version).toBe(serving + 1);
  return version;
}
