import { startTestApp, type TestApp } from './support/test-app';

/**
 * One customer's story, end to end: register → temperature hot → proposal → sale → wallet →
 * stage move → appointment lost. Afterwards the timeline, the changes, the board and the calendar
 * tell exactly that story, in order.
 */
describe('scenario: a lead becomes a customer and is followed up', () => {
  const NOW = new Date('2026-03-10T13:00:00Z'); // 10:00 in São Paulo
  let t: TestApp;
  let auth: { Authorization: string };
  let lastPosition = '0';

  async function command(method: 'post' | 'put', url: string, body: object = {}) {
    const res = await t.http[method](url).set(auth).send(body);
    if (res.status >= 300) throw new Error(`${method.toUpperCase()} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
    lastPosition = res.body.position ?? lastPosition;
    return res.body;
  }
  const query = async (url: string) => {
    const res = await t.http.get(`${url}${url.includes('?') ? '&' : '?'}minPosition=${lastPosition}`).set(auth);
    expect(res.status).toBe(200);
    return res.body;
  };

  let customerId: string;
  let walletId: string;
  let journey: { id: string; steps: Array<{ id: string; name: string; milestones: Array<{ id: string }> }> };
  let appointmentId: string;

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_TIMEZONE: '' }, { clock: () => NOW });
    auth = { Authorization: `Bearer ${t.token('admin', 'u1', 'Ana Admin')}` };

    journey = await command('post', '/journeys', {
      name: 'Onboarding',
      steps: [
        { name: 'Boas-vindas', milestones: [{ name: 'Ligação de boas-vindas', days: 2 }] },
        { name: 'Implantação', milestones: [{ name: 'Treinamento', days: 5 }, { name: 'Go-live', days: 10 }] },
      ],
    });
    walletId = (await command('post', '/wallets', { name: 'Premium', managerId: 'm1', journeyId: journey.id })).id;

    customerId = (await command('post', '/customers', { name: 'Carla Dias', phones: ['+55 11 95555-0000'], temperature: 'warm' })).id;
    await command('post', `/customers/${customerId}/temperature`, { temperature: 'hot' });
    const proposal = await command('post', `/customers/${customerId}/proposals`, { productId: 'apto-101', amount: '250000.00' });
    await command('post', `/customers/${customerId}/proposals/${proposal.id}/sale`);
    await command('put', `/customers/${customerId}/wallet`, { walletId });
    await command('post', `/customers/${customerId}/stage`, { stepId: journey.steps[1].id });
    appointmentId = (await command('post', '/appointments', { customerId, scheduledFor: '2026-03-12T14:00:00Z', kind: 'visit' })).id;
    await command('post', `/appointments/${appointmentId}/lost`, { reason: 'Cliente viajou' });
  });
  afterAll(() => t.close());

  it('the timeline lists every step, newest first, by the user who did it', async () => {
    const { items } = await query(`/customers/${customerId}/timeline`);
    expect(items.map((i: { type: string; summary: string }) => [i.type, i.summary])).toEqual([
      ['appointment_lost', 'Visita perdida: Cliente viajou'],
      ['appointment_scheduled', 'Visita agendada para 12/03/2026 às 11:00'],
      ['stage_moved', 'Etapa alterada de Boas-vindas para Implantação'],
      ['placed_in_wallet', 'Cliente colocado na carteira Premium, na etapa Boas-vindas'],
      ['lead_status_changed', 'Status do lead alterado de Em progresso para Venda'],
      ['proposal_marked_as_sale', 'Proposta de R$ 250.000,00 marcada como venda'],
      ['lead_status_changed', 'Status do lead alterado de Novo para Em progresso'],
      ['proposal_registered', 'Proposta registrada: R$ 250.000,00'],
      ['temperature_changed', 'Temperatura alterada de morna para quente'],
      ['customer_registered', 'Cliente cadastrado'],
    ]);
    for (const item of items) expect(item.actor).toMatchObject({ id: 'u1', role: 'admin', kind: 'user' });
    expect(items.find((i: { type: string }) => i.type === 'appointment_lost').data).toMatchObject({ appointmentId, reason: 'Cliente viajou' });
  });

  it('the changes list the temperature change with who and when', async () => {
    const { items } = await query(`/customers/${customerId}/changes`);
    expect(items).toEqual([
      expect.objectContaining({ field: 'temperature', from: 'warm', to: 'hot', at: NOW.toISOString(), actor: expect.objectContaining({ id: 'u1' }) }),
    ]);
  });

  it('the customer detail shows the sale', async () => {
    const detail = await query(`/customers/${customerId}`);
    expect(detail).toMatchObject({ name: 'Carla Dias', temperature: 'hot', leadStatus: 'sale' });
    expect(detail.proposals).toEqual([expect.objectContaining({ productId: 'apto-101', status: 'sold' })]);
  });

  it('the board shows the card in the second step, on time, with no milestone done', async () => {
    const board = await query(`/wallets/${walletId}/board`);
    expect(board.total).toBe(1);
    expect(board.columns.map((c: { name: string; cards: unknown[] }) => [c.name, c.cards.length])).toEqual([
      ['Boas-vindas', 0],
      ['Implantação', 1],
    ]);
    expect(board.columns[1].cards[0]).toMatchObject({
      customerId,
      name: 'Carla Dias',
      daysInStep: 0,
      overdue: false,
      isNew: false,
      milestoneStatus: 'on_time',
      progress: { done: 0, total: 3 },
    });
  });

  it('the calendar shows the lost visit as done on its day', async () => {
    const month = await query('/calendar?from=2026-03-01&to=2026-03-31');
    expect(month.days).toEqual([{ date: '2026-03-12', total: 1, done: 1, color: 'green' }]);
    const day = await query('/calendar/2026-03-12');
    expect(day.actions).toEqual([expect.objectContaining({ id: appointmentId, kind: 'visit', customerId, status: 'lost', done: true })]);
  });
});
