import { randomUUID } from 'node:crypto';
import { ERASED_TEXT, followUpStreamId } from '@trilha/domain';
import type { KeyStore } from '@trilha/key-store';
import { PersonalDataVault } from '../apps/api/src/infrastructure/personal-data-vault';
import { KEY_STORE } from '../apps/api/src/infrastructure/tokens';
import { refusalsOn } from './support/refusals';
import { bothDoubles, embeddedStores, startTestAppOn, type StoreEnvironment } from './support/store-environments';
import type { TestApp } from './support/test-app';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const UNKNOWN = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';

describeOver('on the embedded stores', embeddedStores);
describeOver('on EventStoreDB + MongoDB doubles', bothDoubles);

/** `DELETE /follow-ups/:id` (ADR 0042): a follow-up opportunity's contact erased on request (LGPD). */
function describeOver(stores: string, environment: StoreEnvironment) {
  describe(`erasure of a follow-up opportunity ${stores}`, () => {
    let t: TestApp;
    let refused: ReturnType<typeof refusalsOn>;
    let last = '';

    const as = (role: Parameters<TestApp['token']>[0] = 'broker', user = 'b1') => ({ Authorization: `Bearer ${t.token(role, user)}` });
    const contact = { name: 'Serralheria Quixadá', contactName: 'Odete Quixadá', email: 'odete@quixada.com.br', phone: '+55 85 97654-3210' };

    async function send(method: 'post' | 'delete', path: string, payload?: object, headers: Record<string, string> = as()) {
      const res = await t.http[method](path).set(headers).send(payload);
      if (res.status >= 300) throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      last = res.body.position;
      return res.body as { id: string; revision: string; position: string };
    }
    const register = async (nextContactOn = '2026-03-10', headers = as()) =>
      (await send('post', '/follow-ups', { ...contact, contactOn: '2026-03-02', nextContactOn }, headers)).id;
    const dayIds = async (date: string, headers: Record<string, string> = as('manager', 'm1')) =>
      (await t.http.get(`/calendar/${date}?minPosition=${last}`).set(headers).expect(200)).body.actions.map((a: { id: string }) => a.id);
    const stream = (id: string) => t.eventStore.readStream(followUpStreamId(id));
    /** The stored events decrypted by a vault of its own: what any process reading the key store sees. */
    const freshlyDecrypted = async (id: string) => {
      const vault = new PersonalDataVault(t.app.get<KeyStore>(KEY_STORE));
      return Promise.all((await t.storedEventStore.readStream(followUpStreamId(id))).map((event) => vault.decrypt(event)));
    };

    beforeAll(async () => {
      t = await startTestAppOn(environment, { env: { TRILHA_TIMEZONE: '', TRILHA_COMMAND_RATE_LIMIT: '0' }, clock: () => NOW });
      refused = refusalsOn(() => t.eventStore);
    });
    afterAll(() => t?.close());

    it('deletes its owner’s follow-up: FollowUpDeleted without personal data, placeholders in its history, gone from the calendar', async () => {
      const id = await register();
      await send('post', `/follow-ups/${id}/send-email`, { message: 'Odete, a grade da Quixadá fica pronta na sexta.' });
      expect(await dayIds('2026-03-10')).toContain(id);
      const before = JSON.stringify((await freshlyDecrypted(id)).map((e) => e.data));
      for (const value of [contact.contactName, contact.email, contact.phone, 'fica pronta na sexta']) expect(before).toContain(value);

      const answer = await send('delete', `/follow-ups/${id}`);
      expect(answer).toEqual({ id, revision: '2', position: expect.any(String) });
      const events = await stream(id);
      expect(events.map((e) => e.type)).toEqual(['FollowUpRegistered', 'FollowUpEmailSent', 'FollowUpDeleted']);
      expect(events[2].data).toEqual({ followUpId: id });
      const after = JSON.stringify((await freshlyDecrypted(id)).map((e) => e.data));
      expect(after).not.toMatch(/Quixad|odete@|97654|pronta na sexta/);
      expect(after).toContain(ERASED_TEXT);
      expect(await dayIds('2026-03-10')).not.toContain(id);
      expect(await dayIds('2026-03-10', as())).not.toContain(id);
    });

    it('answers a repeated DELETE with the same Idempotency-Key as the first time, and one without it 409', async () => {
      const id = await register();
      const headers = { ...as(), 'Idempotency-Key': `erase-${id}` };
      const first = await send('delete', `/follow-ups/${id}`, undefined, headers);
      const again = await t.http.delete(`/follow-ups/${id}`).set(headers);
      expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: first });
      expect(await stream(id)).toHaveLength(2);
      const problem = await refused(() => t.http.delete(`/follow-ups/${id}`).set(as()), 409);
      expect(problem.detail).toContain('was deleted');
    });

    it('refuses every command on a deleted follow-up with 409, appending nothing', async () => {
      const id = await register();
      const template = await send('post', '/message-templates', { name: `Retorno ${id}`, body: 'Olá #{contato}' }, as('manager', 'm1'));
      await send('delete', `/follow-ups/${id}`, undefined, as('manager', 'm1'));
      const attempts = [
        () => t.http.post(`/follow-ups/${id}/reschedule`).set(as()).send({ nextContactOn: '2026-03-12' }),
        () => t.http.post(`/follow-ups/${id}/resolve-by-call`).set(as()),
        () => t.http.post(`/follow-ups/${id}/send-email`).set(as()).send({ message: 'Olá' }),
        () => t.http.post(`/follow-ups/${id}/send-email`).set(as()).send({ templateId: template.id }),
        () => t.http.delete(`/follow-ups/${id}`).set(as('admin', 'a1')),
      ];
      for (const attempt of attempts) expect((await refused(attempt, 409)).detail).toBe(`Follow-up ${id} was deleted; its data is erased and it accepts no more changes`);
    });

    it('answers 404 for an unknown follow-up and 400 naming id for one that is not a UUID', async () => {
      await refused(() => t.http.delete(`/follow-ups/${UNKNOWN}`).set(as('admin', 'a1')), 404);
      expect(await stream(UNKNOWN)).toEqual([]);
      await refused(() => t.http.delete('/follow-ups/not-a-uuid').set(as()), 400, 'id');
    });

    it('answers another broker 404 as for an unknown id, refuses read-only users 403, and lets a manager delete it', async () => {
      const id = await register('2026-03-11');
      const unknown = await t.http.delete(`/follow-ups/${UNKNOWN}`).set(as('admin', 'a1'));
      const other = await refused(() => t.http.delete(`/follow-ups/${id}`).set(as('broker', 'b2')), 404);
      expect(other).toEqual(JSON.parse(JSON.stringify(unknown.body).split(UNKNOWN).join(id)));
      await refused(() => t.http.delete(`/follow-ups/${id}`).set(as('readonly', 'r1')), 403);
      await refused(() => t.http.delete(`/follow-ups/${id}`).set(as('auditor', 'x1')), 403);
      expect(await dayIds('2026-03-11')).toContain(id);
      await send('delete', `/follow-ups/${id}`, undefined, as('manager', 'm1'));
      expect(await dayIds('2026-03-11')).not.toContain(id);
    });

    it('destroys the key on a second DELETE when the process stopped between the append and the key’s destruction', async () => {
      const id = await register();
      // What a crash right after the append leaves: the event in the stream, the key still there.
      await t.storedEventStore.append(followUpStreamId(id), [{ id: randomUUID(), type: 'FollowUpDeleted', data: { followUpId: id } }], 0n);
      expect(JSON.stringify((await freshlyDecrypted(id))[0].data)).toContain(contact.contactName);

      await refused(() => t.http.delete(`/follow-ups/${id}`).set(as()), 409);
      expect(JSON.stringify((await freshlyDecrypted(id))[0].data)).not.toContain(contact.contactName);
    });
  });
}
