import type { ApiClient } from './api-client';

const FIRST_NAMES = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elisa', 'Fábio', 'Gabriela', 'Heitor', 'Isabela', 'João', 'Larissa', 'Marcos'];
const LAST_NAMES = ['Silva', 'Souza', 'Oliveira', 'Santos', 'Pereira', 'Lima', 'Costa', 'Ribeiro', 'Almeida', 'Carvalho'];
const TEMPERATURES = ['cold', 'warm', 'hot'] as const;
const ENTRY_METHODS = ['chatbot', 'lead_ads', 'api', 'form'] as const;
const PARALLEL_REQUESTS = 8;

/** The i-th sample customer: varied, repeatable, and valid for POST /customers. */
export function sampleCustomer(i: number): Record<string, unknown> {
  const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}`;
  const phone = `+55 11 9${String(10_000_000 + i).slice(-8, -4)}-${String(i).padStart(4, '0').slice(-4)}`;
  return {
    name,
    phones: [phone],
    email: `${name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(' ', '.')}.${i}@example.com`,
    temperature: TEMPERATURES[i % TEMPERATURES.length],
    origin: { entryMethod: ENTRY_METHODS[i % ENTRY_METHODS.length], site: 'example.com' },
  };
}

/**
 * Registers `count` sample customers on the running server, a few requests at a time. Each
 * carries an Idempotency-Key derived from `run` and its index, so running the same seed again
 * appends nothing new.
 */
export async function seedCustomers(client: ApiClient, count: number, run: string, progress: (done: number) => void): Promise<number> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      await client.post('/customers', sampleCustomer(i), { 'Idempotency-Key': `seed-${run}-${i}` });
      progress(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_REQUESTS, count) }, worker));
  return done;
}
