import { randomUUID } from 'node:crypto';
import { followUpStreamId, MESSAGE_TEMPLATE_NAMES_STREAM_ID, messageTemplateDecider, messageTemplateStreamId } from '@trilha/domain';
import { CommandPipeline } from '../apps/api/src/commands/command-pipeline';
import type { CommandContext } from '../apps/api/src/commands/command-context';
import { MessageTemplateNames } from '../apps/api/src/message-templates/message-template-names';
import { refusalsOn } from './support/refusals';
import { rebuildAndWaitForSwitch } from './support/rebuild';
import { startTestApp, type TestApp } from './support/test-app';

const NOW = new Date('2026-03-01T12:00:00.000Z');

/** CAL4 over HTTP: saved message templates, their placeholders, and a follow-up's email sent with them. */
describe('message templates for follow-up emails (CAL4)', () => {
  let t: TestApp;
  let refused: ReturnType<typeof refusalsOn>;
  let last = '';

  const as = (role: Parameters<TestApp['token']>[0] = 'manager', user = 'm1', name = 'Marta Gerente') => ({ Authorization: `Bearer ${t.token(role, user, name)}` });

  async function send(method: 'post' | 'patch' | 'delete', path: string, payload?: object, headers: Record<string, string> = as()) {
    const res = await t.http[method](path).set(headers).send(payload);
    if (res.status >= 300) throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    last = res.body.position;
    return res.body as { id: string; revision: string; position: string };
  }
  const create = async (name: string, body = 'Olá #{contato}') => (await send('post', '/message-templates', { name, body })).id;
  const list = async (headers: Record<string, string> = as('readonly', 'r1'), query = '') =>
    (await t.http.get(`/message-templates?minPosition=${last}${query}`).set(headers).expect(200)).body;
  const followUp = async (extra: object = {}) =>
    (
      await send(
        'post',
        '/follow-ups',
        { name: 'Padaria Pão Quente', contactName: 'Joana Lima', email: 'joana@paoquente.com.br', phone: '+55 11 98888-0000', contactOn: '2026-03-02', nextContactOn: '2026-03-10', ...extra },
        as('broker', 'b1', 'Beto Broker'),
      )
    ).id;
  const sentMessage = async (followUpId: string) => {
    const events = await t.eventStore.readStream(followUpStreamId(followUpId));
    return events.find((e) => e.type === 'FollowUpEmailSent')?.data;
  };

  beforeAll(async () => {
    t = await startTestApp({ ...process.env, EVENTSTORE_URL: '', MONGO_URL: '', TRILHA_TIMEZONE: '', TRILHA_COMMAND_RATE_LIMIT: '0' }, { clock: () => NOW });
    refused = refusalsOn(() => t.eventStore);
  });
  afterAll(() => t.close());

  it('lists the placeholders with a description each, for every role', async () => {
    const res = await t.http.get('/message-templates/placeholders').set(as('readonly', 'r1')).expect(200);
    expect(res.body.items.map((p: { token: string }) => p.token)).toEqual(['#{cliente}', '#{contato}', '#{email}', '#{telefone}', '#{data_contato}', '#{proximo_contato}', '#{usuario}']);
    for (const item of res.body.items) expect(item).toEqual({ name: expect.any(String), token: `#{${item.name}}`, description: expect.any(String) });
  });

  it('creates a template and lists it by name, with the placeholders it uses', async () => {
    const answer = await send('post', '/message-templates', { name: '  Pós-venda ', body: ' Olá #{contato}, aqui é #{usuario}. Sobre #{cliente}, #{contato}... ' });
    expect(answer).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), revision: '0', position: expect.any(String) });
    await create('Aniversário', 'Parabéns, #{contato}!');
    const { items, nextCursor } = await list();
    expect(items.map((i: { name: string }) => i.name)).toEqual(['Aniversário', 'Pós-venda']);
    expect(items[1]).toEqual({
      id: answer.id,
      name: 'Pós-venda',
      body: 'Olá #{contato}, aqui é #{usuario}. Sobre #{cliente}, #{contato}...',
      placeholders: ['contato', 'usuario', 'cliente'],
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect(nextCursor).toBeNull();
    const firstPage = await list(undefined, '&limit=1');
    expect(firstPage.items).toHaveLength(1);
    expect((await list(undefined, `&limit=1&cursor=${encodeURIComponent(firstPage.nextCursor)}`)).items[0].name).toBe('Pós-venda');
    await refused(() => t.http.get('/message-templates?cursor=nonsense').set(as()), 400, 'cursor');
    await refused(() => t.http.get('/message-templates?limit=501').set(as()), 400, 'limit');
  });

  it.each([
    ['name', { name: undefined }],
    ['name', { name: '   ' }],
    ['name', { name: 'n'.repeat(129) }],
    ['name', { name: 7 }],
    ['body', { body: undefined }],
    ['body', { body: ' \n ' }],
    ['body', { body: 'x'.repeat(4001) }],
    ['body', { body: ['Olá'] }],
    ['body', { body: 'Olá #{nome}' }],
    ['extra', { extra: true }],
  ])('refuses a bad %s with 400 naming it, appending nothing', async (field, change) => {
    const payload = JSON.parse(JSON.stringify({ name: `Modelo ${randomUUID()}`, body: 'Olá #{contato}', ...change }));
    await refused(() => t.http.post('/message-templates').set(as()).send(payload), 400, field);
  });

  it('names the unknown placeholder in the refusal, and takes a name of 128 characters and a body of 4000', async () => {
    const problem = await refused(() => t.http.post('/message-templates').set(as()).send({ name: 'Com erro', body: 'Olá #{Contato} e #{cliente}' }), 400, 'body');
    expect(problem.detail).toContain('#{Contato}');
    await create('n'.repeat(128), 'x'.repeat(4000));
  });

  it('keeps names unique ignoring case (409), and a repeated Idempotency-Key creates once', async () => {
    await create('Cobrança');
    await refused(() => t.http.post('/message-templates').set(as()).send({ name: ' COBRANÇA ', body: 'Oi' }), 409);
    const headers = { ...as(), 'Idempotency-Key': 'template-once' };
    const first = await send('post', '/message-templates', { name: 'Uma vez', body: 'Oi' }, headers);
    const again = await t.http.post('/message-templates').set(headers).send({ name: 'Uma vez', body: 'Oi' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first);
    expect(await t.eventStore.readStream(messageTemplateStreamId(first.id))).toHaveLength(1);
  });

  it('renames and changes the body; the old name is free again; a taken name is 409', async () => {
    const id = await create('Retorno', 'Oi #{contato}');
    const other = await create('Lembrete');
    const renamed = await send('patch', `/message-templates/${id}`, { name: 'Retorno de visita', body: 'Olá #{contato}, até #{proximo_contato}' });
    expect(renamed).toEqual({ id, revision: '1', position: expect.any(String) });
    expect((await send('patch', `/message-templates/${id}`, { name: 'Retorno de Visita' })).revision).toBe('1');
    const listed = (await list()).items.find((i: { id: string }) => i.id === id);
    expect(listed).toMatchObject({ name: 'Retorno de Visita', body: 'Olá #{contato}, até #{proximo_contato}', placeholders: ['contato', 'proximo_contato'] });
    await create('Retorno');
    await refused(() => t.http.patch(`/message-templates/${other}`).set(as()).send({ name: 'retorno de visita' }), 409);
    await refused(() => t.http.patch(`/message-templates/${other}`).set(as()).send({ body: 'Oi #{nome}' }), 400, 'body');
    await refused(() => t.http.patch(`/message-templates/${other}`).set(as()).send({ name: '' }), 400, 'name');
    await refused(() => t.http.patch(`/message-templates/${other}`).set(as()).send({}), 400, 'body');
    await refused(() => t.http.patch(`/message-templates/${randomUUID()}`).set(as()).send({ body: 'Oi' }), 404);
    await refused(() => t.http.patch('/message-templates/not-a-uuid').set(as()).send({ body: 'Oi' }), 400, 'id');
  });

  it('deletes a template: it leaves the list, its name is free, a second delete is 404', async () => {
    const id = await create('Promoção');
    await send('delete', `/message-templates/${id}`);
    expect((await list()).items.map((i: { id: string }) => i.id)).not.toContain(id);
    await refused(() => t.http.delete(`/message-templates/${id}`).set(as()), 404);
    await refused(() => t.http.patch(`/message-templates/${id}`).set(as()).send({ body: 'Oi' }), 404);
    await refused(() => t.http.delete('/message-templates/nope').set(as()), 400, 'id');
    await create('promoção');
  });

  it('lets admins and managers write templates, and everyone read them', async () => {
    const id = await create('Só gestores');
    for (const role of ['broker', 'auditor', 'readonly'] as const) {
      await refused(() => t.http.post('/message-templates').set(as(role, `${role}-1`)).send({ name: `De ${role}`, body: 'Oi' }), 403);
      await refused(() => t.http.patch(`/message-templates/${id}`).set(as(role, `${role}-1`)).send({ body: 'Oi' }), 403);
      await refused(() => t.http.delete(`/message-templates/${id}`).set(as(role, `${role}-1`)), 403);
      expect((await list(as(role, `${role}-1`))).items.map((i: { id: string }) => i.id)).toContain(id);
    }
    await create('De um admin', 'Oi');
    await refused(() => t.http.get('/message-templates'), 401);
  });

  it('sends a follow-up’s email with a template: the event records the message rendered and the template, encrypted', async () => {
    const templateId = await create('Visita', 'Olá #{contato}! Sobre #{cliente}: falamos em #{data_contato}, retorno em #{proximo_contato}. Tel #{telefone}, #{email}. #{usuario}');
    const id = await followUp();
    const answer = await send('post', `/follow-ups/${id}/send-email`, { templateId }, as('broker', 'b1', 'Beto Broker'));
    expect(answer.revision).toBe('1');
    expect(await sentMessage(id)).toEqual({
      followUpId: id,
      to: 'joana@paoquente.com.br',
      message: 'Olá Joana Lima! Sobre Padaria Pão Quente: falamos em 02/03/2026, retorno em 10/03/2026. Tel +55 11 98888-0000, joana@paoquente.com.br. Beto Broker',
      templateId,
    });
    const [, stored] = await t.storedEventStore.readStream(followUpStreamId(id));
    const text = JSON.stringify(stored.data);
    for (const secret of ['Joana', 'Padaria', 'Beto', '98888']) expect(text).not.toContain(secret);
    expect(stored.data).toMatchObject({ followUpId: id, templateId });
  });

  it('sends a typed message with placeholders; a missing value renders as empty text', async () => {
    const id = await followUp({ phone: undefined });
    await send('post', `/follow-ups/${id}/send-email`, { message: 'Oi #{contato}, seu telefone: [#{telefone}]. #{contato}!' }, as('broker', 'b1'));
    expect((await sentMessage(id))?.message).toBe('Oi Joana Lima, seu telefone: []. Joana Lima!');
  });

  it('refuses an unknown placeholder, both or neither of message and templateId (400), and a template deleted or unknown (422)', async () => {
    const id = await followUp();
    const broker = as('broker', 'b1');
    const post = (body: object) => () => t.http.post(`/follow-ups/${id}/send-email`).set(broker).send(body);
    const unknown = await refused(post({ message: 'Olá #{nome}' }), 400, 'message');
    expect(unknown.detail).toContain('#{nome}');
    const templateId = await create('Apagado');
    await refused(post({ message: 'Olá', templateId }), 400, 'templateId');
    await refused(post({}), 400, 'message');
    await refused(post({ message: null, templateId: null }), 400, 'message');
    await refused(post({ templateId: 'not-a-uuid' }), 400, 'templateId');
    const noPhone = await followUp({ phone: undefined });
    await refused(() => t.http.post(`/follow-ups/${noPhone}/send-email`).set(broker).send({ message: ' #{telefone} ' }), 422, 'message');
    await refused(post({ templateId: randomUUID() }), 422, 'templateId');
    await send('delete', `/message-templates/${templateId}`);
    await refused(post({ templateId }), 422, 'templateId');
    await refused(() => t.http.post(`/follow-ups/${randomUUID()}/send-email`).set(as('admin', 'a1')).send({ templateId }), 404);
  });

  it('takes over a name claimed by a template whose creation never happened, or deleted before its name was freed', async () => {
    const context = (part: string): CommandContext => ({ actor: { id: 'm1', role: 'manager', kind: 'user' }, commandId: randomUUID(), correlationId: part, causationId: part });
    const ghost = randomUUID();
    await t.app.get(MessageTemplateNames).claim('Fantasma', ghost, context('ghost'));
    const taker = await create('Fantasma');
    expect((await t.eventStore.readStream(MESSAGE_TEMPLATE_NAMES_STREAM_ID)).at(-1)?.data).toEqual({ templateId: taker, name: 'Fantasma', takenOverFrom: ghost });
    expect((await t.eventStore.readStream(messageTemplateStreamId(ghost))).map((e) => e.type)).toEqual(['MessageTemplateCreationAbandoned']);

    const half = await create('Meio apagado');
    await t.app.get(CommandPipeline).run({
      streamId: messageTemplateStreamId(half),
      aggregateId: half,
      decider: messageTemplateDecider,
      command: { type: 'DeleteMessageTemplate', templateId: half },
      context: context('half'),
    });
    const retaken = await create('Meio Apagado');
    expect((await t.eventStore.readStream(MESSAGE_TEMPLATE_NAMES_STREAM_ID)).at(-1)?.data).toMatchObject({ templateId: retaken, takenOverFrom: half });
    expect((await list()).items.filter((i: { name: string }) => i.name.startsWith('Meio')).map((i: { id: string }) => i.id)).toEqual([retaken]);
  });

  it('rebuilds the read model from zero into the same list', async () => {
    const before = await list(undefined, '&limit=500');
    await rebuildAndWaitForSwitch(t, 'message-templates');
    expect(await list(undefined, '&limit=500')).toEqual(before);
  });
});
