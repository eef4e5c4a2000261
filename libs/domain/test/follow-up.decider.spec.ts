import { encryptPayload, decryptPayload, followUpDecider, isFollowUpEmail, isFollowUpPhone, type FollowUpEvent } from '@trilha/domain';
import { randomBytes } from 'node:crypto';
import { deciderSpec } from '@trilha/testing/decider-spec';

const spec = deciderSpec(followUpDecider);
const followUpId = '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d';

const register = {
  type: 'RegisterFollowUp' as const,
  followUpId,
  ownerId: 'u1',
  name: '  Padaria Pão Quente ',
  contactName: 'Joana Lima',
  email: 'joana@paoquente.com.br',
  phone: '+55 (11) 98888-0000',
  contactOn: '2026-03-02',
  nextContactOn: '2026-03-10',
};
const registered: FollowUpEvent = {
  type: 'FollowUpRegistered',
  data: { followUpId, ownerId: 'u1', name: 'Padaria Pão Quente', contactName: 'Joana Lima', email: 'joana@paoquente.com.br', phone: '+55 (11) 98888-0000', contactOn: '2026-03-02', nextContactOn: '2026-03-10' },
};
const resolved: FollowUpEvent = { type: 'FollowUpResolvedByCall', data: { followUpId } };
const emailed: FollowUpEvent = { type: 'FollowUpEmailSent', data: { followUpId, to: 'joana@paoquente.com.br', message: 'Olá' } };

describe('follow-up decider (CAL5, CAL6)', () => {
  describe('RegisterFollowUp', () => {
    it('registers it with its names trimmed', () => {
      spec.given([]).when(register).then([registered]);
    });

    it('takes neither email nor phone as required', () => {
      const { email: _e, phone: _p, ...bare } = register;
      const { email: _de, phone: _dp, ...data } = registered.data as Record<string, unknown>;
      spec.given([]).when(bare).then([{ type: 'FollowUpRegistered', data } as FollowUpEvent]);
    });

    it('refuses the same follow-up twice', () => {
      spec.given([registered]).when(register).thenThrows({ kind: 'conflict', code: 'follow_up_exists' });
    });

    it.each([
      ['name', { name: '   ' }],
      ['name', { name: 'x'.repeat(257) }],
      ['contactName', { contactName: '' }],
      ['email', { email: 'joana@' }],
      ['email', { email: 'joana paoquente.com' }],
      ['phone', { phone: '1234567' }],
      ['phone', { phone: '11 9888a-0000' }],
      ['contactOn', { contactOn: '2026-02-30' }],
      ['nextContactOn', { nextContactOn: '10/03/2026' }],
    ])('refuses a bad %s, naming it', (field, change) => {
      spec.given([]).when({ ...register, ...change }).thenThrows({ kind: 'invalid', field });
    });

    it('refuses a next contact before the contact date (422), and takes the same day', () => {
      spec.given([]).when({ ...register, nextContactOn: '2026-03-01' }).thenThrows({ kind: 'rejected', code: 'next_contact_before_contact', field: 'nextContactOn' });
      spec.given([]).when({ ...register, nextContactOn: '2026-03-02' }).then([{ ...registered, data: { ...registered.data, nextContactOn: '2026-03-02' } } as FollowUpEvent]);
    });
  });

  describe('RescheduleFollowUp', () => {
    const reschedule = { type: 'RescheduleFollowUp' as const, followUpId, nextContactOn: '2026-03-12' };

    it('moves it to the new day, recording the old one', () => {
      spec.given([registered]).when(reschedule).then([{ type: 'FollowUpRescheduled', data: { followUpId, from: '2026-03-10', nextContactOn: '2026-03-12' } }]);
    });

    it('appends nothing for the day it is already on', () => {
      spec.given([registered]).when({ ...reschedule, nextContactOn: '2026-03-10' }).then([]);
    });

    it('refuses a day before the contact date, or no date', () => {
      spec.given([registered]).when({ ...reschedule, nextContactOn: '2026-03-01' }).thenThrows({ kind: 'rejected', field: 'nextContactOn' });
      spec.given([registered]).when({ ...reschedule, nextContactOn: '2026-03-32' }).thenThrows({ kind: 'invalid', field: 'nextContactOn' });
    });

    it('refuses an unknown follow-up (404) and a done one (422)', () => {
      spec.given([]).when(reschedule).thenThrows({ kind: 'not_found', code: 'follow_up_not_found' });
      spec.given([registered, resolved]).when(reschedule).thenThrows({ kind: 'rejected', code: 'follow_up_done' });
      spec.given([registered, emailed]).when(reschedule).thenThrows({ kind: 'rejected', code: 'follow_up_done' });
    });
  });

  describe('ResolveFollowUpByCall and SendFollowUpEmail', () => {
    const resolve = { type: 'ResolveFollowUpByCall' as const, followUpId };
    const send = { type: 'SendFollowUpEmail' as const, followUpId, message: '  Olá, #{cliente}!  ' };

    it('resolves it by call', () => {
      spec.given([registered]).when(resolve).then([resolved]);
    });

    it('records the email sent to the contact, with the message trimmed and its placeholders replaced (CAL4)', () => {
      spec.given([registered]).when(send).then([{ type: 'FollowUpEmailSent', data: { followUpId, to: 'joana@paoquente.com.br', message: 'Olá, Padaria Pão Quente!' } }]);
    });

    it('renders every field of the follow-up, the sender’s name and the template it came from', () => {
      const message = '#{cliente}|#{contato}|#{email}|#{telefone}|#{data_contato}|#{proximo_contato}|#{usuario}';
      const rescheduled: FollowUpEvent = { type: 'FollowUpRescheduled', data: { followUpId, from: '2026-03-10', nextContactOn: '2026-03-12' } };
      spec
        .given([registered, rescheduled])
        .when({ ...send, message, senderName: 'Beto Broker', templateId: 't1' })
        .then([
          {
            type: 'FollowUpEmailSent',
            data: { followUpId, to: 'joana@paoquente.com.br', message: 'Padaria Pão Quente|Joana Lima|joana@paoquente.com.br|+55 (11) 98888-0000|02/03/2026|12/03/2026|Beto Broker', templateId: 't1' },
          },
        ]);
    });

    it('renders a missing phone or sender name as empty text', () => {
      const { phone: _p, ...noPhone } = registered.data as Record<string, unknown>;
      spec
        .given([{ type: 'FollowUpRegistered', data: noPhone } as FollowUpEvent])
        .when({ ...send, message: 'Tel: [#{telefone}] — #{usuario}' })
        .then([{ type: 'FollowUpEmailSent', data: { followUpId, to: 'joana@paoquente.com.br', message: 'Tel: [] —' } }]);
    });

    it('refuses an unknown placeholder (400 naming message), and a message empty or over 4000 characters once rendered (422)', () => {
      spec.given([registered]).when({ ...send, message: 'Olá #{nome}' }).thenThrows({ kind: 'invalid', field: 'message' });
      const { phone: _p, ...noPhone } = registered.data as Record<string, unknown>;
      spec.given([{ type: 'FollowUpRegistered', data: noPhone } as FollowUpEvent]).when({ ...send, message: ' #{telefone} ' }).thenThrows({ kind: 'rejected', code: 'follow_up_message_empty', field: 'message' });
      const long = `${'x'.repeat(3990)}#{cliente}`;
      spec.given([registered]).when({ ...send, message: long }).thenThrows({ kind: 'rejected', code: 'follow_up_message_too_long', field: 'message' });
    });

    it('refuses an empty message or one over 4000 characters', () => {
      spec.given([registered]).when({ ...send, message: ' \n ' }).thenThrows({ kind: 'invalid', field: 'message' });
      spec.given([registered]).when({ ...send, message: 'x'.repeat(4001) }).thenThrows({ kind: 'invalid', field: 'message' });
      spec.given([registered]).when({ ...send, message: 'x'.repeat(4000) }).then([{ type: 'FollowUpEmailSent', data: { followUpId, to: 'joana@paoquente.com.br', message: 'x'.repeat(4000) } }]);
    });

    it('refuses to email a follow-up without an email address (422 naming email)', () => {
      const { email: _e, ...noEmail } = registered.data as Record<string, unknown>;
      spec.given([{ type: 'FollowUpRegistered', data: noEmail } as FollowUpEvent]).when(send).thenThrows({ kind: 'rejected', code: 'follow_up_without_email', field: 'email' });
    });

    it('does neither twice: a done follow-up stays as it is', () => {
      for (const done of [resolved, emailed]) {
        spec.given([registered, done]).when(resolve).thenThrows({ kind: 'rejected', code: 'follow_up_done' });
        spec.given([registered, done]).when(send).thenThrows({ kind: 'rejected', code: 'follow_up_done' });
      }
      spec.given([]).when(resolve).thenThrows({ kind: 'not_found' });
    });
  });

  describe('DeleteFollowUp (LGPD, ADR 0042)', () => {
    const del = { type: 'DeleteFollowUp' as const, followUpId };
    const deleted: FollowUpEvent = { type: 'FollowUpDeleted', data: { followUpId } };

    it('deletes it, open or done', () => {
      spec.given([registered]).when(del).then([deleted]);
      spec.given([registered, resolved]).when(del).then([deleted]);
      spec.given([registered, emailed]).when(del).then([deleted]);
    });

    it('refuses an unknown follow-up (404)', () => {
      spec.given([]).when(del).thenThrows({ kind: 'not_found', code: 'follow_up_not_found' });
    });

    it('refuses every command once it is deleted (409 follow_up_deleted), deleting again included', () => {
      const commands = [
        del,
        { type: 'RescheduleFollowUp' as const, followUpId, nextContactOn: '2026-03-12' },
        { type: 'ResolveFollowUpByCall' as const, followUpId },
        { type: 'SendFollowUpEmail' as const, followUpId, message: 'Olá' },
      ];
      for (const command of commands) spec.given([registered, deleted]).when(command).thenThrows({ kind: 'conflict', code: 'follow_up_deleted' });
      spec.given([registered, emailed, deleted]).when(del).thenThrows({ kind: 'conflict', code: 'follow_up_deleted' });
    });

    it('refuses to register the same id again (409 follow_up_exists)', () => {
      spec.given([registered, deleted]).when(register).thenThrows({ kind: 'conflict', code: 'follow_up_exists' });
    });

    it('keeps only the id and the owner in the state', () => {
      const state = [registered, deleted].reduce(followUpDecider.evolve, followUpDecider.initialState);
      expect(state).toEqual({ exists: true, deleted: true, followUpId, ownerId: 'u1' });
    });
  });

  it('checks emails and phones as the DTOs do', () => {
    expect(['a@b.co', 'joana.lima+crm@pao.com.br', 'ana@padaria-são-joão.com.br'].every(isFollowUpEmail)).toBe(true);
    expect(['a@b', '@b.co', 'a b@c.co', 'a@b..co', '<script>@x.com', 'a@b.co<', `${'x'.repeat(250)}@b.co`].some(isFollowUpEmail)).toBe(false);
    expect(['11988880000', '+55 11 98888-0000', '(11) 3333.4444'].every(isFollowUpPhone)).toBe(true);
    expect(['1234567', '+1234567890123456', '11 98888-000O', ''].some(isFollowUpPhone)).toBe(false);
  });

  it('encrypts the contact under the follow-up’s own key, and a destroyed key leaves placeholders', async () => {
    const key = randomBytes(32);
    const subjects: string[] = [];
    const stored = await encryptPayload('FollowUpRegistered', registered.data as Record<string, unknown>, async (subject) => (subjects.push(subject), key));
    expect(subjects[0]).toBe(followUpId);
    const text = JSON.stringify(stored);
    for (const secret of ['Padaria', 'Joana', 'joana@', '98888']) expect(text).not.toContain(secret);
    expect(stored).toMatchObject({ followUpId, ownerId: 'u1', contactOn: '2026-03-02', nextContactOn: '2026-03-10' });
    expect(await decryptPayload(stored, async () => key)).toEqual(registered.data);
    const erased = await decryptPayload(stored, async () => undefined);
    expect(JSON.stringify(erased)).not.toContain('Joana');
  });
});
