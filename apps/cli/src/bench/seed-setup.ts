import type { InjectClient } from './bench-app';

/** What the setup created, for the loads and the queries. */
export interface SeededWorld {
  customerIds: string[];
  walletId: string;
  /** The calendar month the appointments fall in: `YYYY-MM`. */
  month: string;
  monthDays: number;
}

/** Runs `work` over `items` with at most `concurrency` at once. */
export async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** The month after the current one: appointments are in the future. */
function nextMonth(now = new Date()): { month: string; days: number } {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { month: first.toISOString().slice(0, 7), days };
}

/**
 * Everything but the bulk of the activity goes through the real HTTP stack (in-process inject):
 * validation, the command pipeline, personal fields encrypted with each customer's own key.
 * A journey and a wallet, the customers, `boardCards` of them placed in the wallet, and
 * `monthAppointments` appointments spread over next month's working hours.
 */
export async function seedSetup(
  client: InjectClient,
  sizes: { customers: number; boardCards: number; monthAppointments: number },
  progress: (done: number, total: number) => void,
): Promise<SeededWorld> {
  const journey = await client.send<{ id: string }>('POST', '/journeys', {
    name: 'Bench onboarding',
    steps: ['Kick-off', 'Setup', 'Training', 'Live'].map((name, i) => ({ name, milestones: [{ name: `${name} done`, days: 7 * (i + 1) }] })),
  });
  const wallet = await client.send<{ id: string }>('POST', '/wallets', { name: `Bench wallet ${Date.now()}`, managerId: 'bench-manager', journeyId: journey.id });
  const total = sizes.customers + sizes.boardCards + sizes.monthAppointments;
  let done = 0;
  const step = () => progress(++done, total);

  const customerIds: string[] = new Array(sizes.customers);
  await inParallel([...Array(sizes.customers).keys()], 16, async (i) => {
    const body = {
      name: `Cliente ${i} da Silva`,
      phones: [`+55 11 9${String(i).padStart(4, '0')}-${String(i % 10_000).padStart(4, '0')}`],
      email: `cliente${i}@example.com`,
      channel: 'whatsapp',
      temperature: 'warm',
      objective: 'buy',
      origin: { medium: { campaign: 'bench' }, entryMethod: 'api' },
    };
    customerIds[i] = (await client.send<{ id: string }>('POST', '/customers', body)).id;
    step();
  });
  await inParallel(customerIds.slice(0, sizes.boardCards), 16, async (id) => {
    await client.send('PUT', `/customers/${id}/wallet`, { walletId: wallet.id });
    step();
  });
  const { month, days } = nextMonth();
  await inParallel([...Array(sizes.monthAppointments).keys()], 16, async (i) => {
    const day = String(1 + (i % days)).padStart(2, '0');
    const hour = String(12 + (i % 8)).padStart(2, '0');
    await client.send('POST', '/appointments', { customerId: customerIds[(i * 7) % customerIds.length], scheduledFor: `${month}-${day}T${hour}:00:00Z`, notes: `Revisão ${i}` });
    step();
  });
  return { customerIds, walletId: wallet.id, month, monthDays: days };
}
