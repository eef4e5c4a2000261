import {
  appointmentDecider,
  customerAppointmentsDecider,
  normalizeInstant,
  type AppointmentEvent,
  type AppointmentStatus,
} from '@trilha/domain';
import { deciderSpec } from '@trilha/testing/decider-spec';

const now = new Date('2026-01-15T12:00:00Z');
const spec = deciderSpec(appointmentDecider, now);
const appointmentId = '0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';
const otherId = '1c7d2e3f-4051-4b6c-9d7e-8f90a1b2c3d4';
const customerId = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const ref = { appointmentId, customerId };

const scheduled: AppointmentEvent = {
  type: 'AppointmentScheduled',
  data: { ...ref, scheduledFor: '2026-01-20T13:00:00.000Z', responsibleId: 'u1', kind: 'service' },
};
const confirmed: AppointmentEvent = { type: 'AppointmentConfirmed', data: ref };
const succeeded: AppointmentEvent = { type: 'AppointmentSucceeded', data: ref };
const lost: AppointmentEvent = { type: 'AppointmentLost', data: { ...ref, reason: 'Sold the car' } };
const rescheduled: AppointmentEvent = {
  type: 'AppointmentRescheduled',
  data: { ...ref, from: '2026-01-20T13:00:00.000Z', scheduledFor: '2026-01-22T09:00:00.000Z' },
};

/** Histories that leave the appointment in each status. */
const historyIn: Record<AppointmentStatus, AppointmentEvent[]> = {
  scheduled: [scheduled],
  confirmed: [scheduled, confirmed],
  success: [scheduled, succeeded],
  lost: [scheduled, lost],
};

describe('appointment decider', () => {
  describe('ScheduleAppointment (AS2)', () => {
    const schedule = {
      type: 'ScheduleAppointment' as const,
      appointmentId,
      customerId,
      scheduledFor: '2026-01-20T10:00:00-03:00',
      responsibleId: 'u1',
      kind: 'service' as const,
    };

    it('schedules, storing the instant in UTC', () => {
      spec.given([]).when({ ...schedule, notes: 'Revisão 10.000 km' }).then([
        {
          type: 'AppointmentScheduled',
          data: { ...ref, scheduledFor: '2026-01-20T13:00:00.000Z', responsibleId: 'u1', kind: 'service', notes: 'Revisão 10.000 km' },
        },
      ]);
    });

    it('refuses the same appointment twice', () => {
      spec.given([scheduled]).when(schedule).thenThrows({ kind: 'conflict', code: 'appointment_exists' });
    });

    it('refuses an instant in the past, or now', () => {
      spec.given([]).when({ ...schedule, scheduledFor: '2026-01-15T11:59:59Z' }).thenThrows({ kind: 'rejected', code: 'scheduled_in_past' });
      spec.given([]).when({ ...schedule, scheduledFor: now.toISOString() }).thenThrows({ kind: 'rejected', code: 'scheduled_in_past' });
    });

    it.each(['2026-01-20', '2026-01-20T10:00:00', '2026-02-30T10:00:00Z', '2026-01-20T24:00:00Z', 'soon'])(
      'refuses %s as scheduledFor, naming the field',
      (scheduledFor) => {
        spec.given([]).when({ ...schedule, scheduledFor }).thenThrows({ kind: 'invalid', field: 'scheduledFor' });
      },
    );

    it('refuses notes over 4000 characters', () => {
      spec.given([]).when({ ...schedule, notes: 'x'.repeat(4001) }).thenThrows({ kind: 'invalid', field: 'notes' });
    });
  });

  describe('RescheduleAppointment (AS3)', () => {
    const reschedule = { type: 'RescheduleAppointment' as const, appointmentId, scheduledFor: '2026-01-22T09:00:00Z' };

    it.each(['scheduled', 'confirmed'] as const)('moves a %s appointment, which then awaits confirmation again', (status) => {
      spec.given(historyIn[status]).when(reschedule).then([rescheduled]);
    });

    it('appends nothing when the instant does not change', () => {
      spec.given([scheduled]).when({ ...reschedule, scheduledFor: '2026-01-20T10:00:00-03:00' }).then([]);
    });

    it('sees an earlier reschedule when folding', () => {
      spec
        .given([scheduled, rescheduled])
        .when({ ...reschedule, scheduledFor: '2026-01-23T09:00:00Z' })
        .then([{ type: 'AppointmentRescheduled', data: { ...ref, from: '2026-01-22T09:00:00.000Z', scheduledFor: '2026-01-23T09:00:00.000Z' } }]);
    });

    it.each(['success', 'lost'] as const)('refuses a %s appointment', (status) => {
      spec.given(historyIn[status]).when(reschedule).thenThrows({ kind: 'rejected', code: 'appointment_closed' });
    });

    it('refuses an instant in the past', () => {
      spec.given([scheduled]).when({ ...reschedule, scheduledFor: '2026-01-01T09:00:00Z' }).thenThrows({ kind: 'rejected', code: 'scheduled_in_past' });
    });

    it('refuses a malformed instant', () => {
      spec.given([scheduled]).when({ ...reschedule, scheduledFor: '22/01/2026' }).thenThrows({ kind: 'invalid', field: 'scheduledFor' });
    });

    it('answers not found for an unknown appointment', () => {
      spec.given([]).when(reschedule).thenThrows({ kind: 'not_found', code: 'appointment_not_found' });
    });
  });

  describe('ConfirmAppointment (AS6)', () => {
    const confirm = { type: 'ConfirmAppointment' as const, appointmentId };

    it('confirms a scheduled appointment', () => {
      spec.given([scheduled]).when(confirm).then([confirmed]);
    });

    it('confirms again after a reschedule', () => {
      spec.given([scheduled, confirmed, rescheduled]).when(confirm).then([confirmed]);
    });

    it('refuses an appointment already confirmed', () => {
      spec.given(historyIn.confirmed).when(confirm).thenThrows({ kind: 'rejected', code: 'appointment_already_confirmed' });
    });

    it.each(['success', 'lost'] as const)('refuses a %s appointment', (status) => {
      spec.given(historyIn[status]).when(confirm).thenThrows({ kind: 'rejected', code: 'appointment_closed' });
    });

    it('answers not found for an unknown appointment', () => {
      spec.given([]).when(confirm).thenThrows({ kind: 'not_found' });
    });
  });

  describe('MarkAppointmentSuccess (AS4)', () => {
    const success = { type: 'MarkAppointmentSuccess' as const, appointmentId };

    it.each(['scheduled', 'confirmed'] as const)('marks a %s appointment as success', (status) => {
      spec.given(historyIn[status]).when(success).then([succeeded]);
    });

    it.each(['success', 'lost'] as const)('refuses a %s appointment', (status) => {
      spec.given(historyIn[status]).when(success).thenThrows({ kind: 'rejected', code: 'appointment_closed' });
    });

    it('answers not found for an unknown appointment', () => {
      spec.given([]).when(success).thenThrows({ kind: 'not_found' });
    });
  });

  describe('MarkAppointmentLost (AS5)', () => {
    const lose = { type: 'MarkAppointmentLost' as const, appointmentId, reason: '  Sold the car ', loseFutureCycle: false };

    it.each(['scheduled', 'confirmed'] as const)('loses a %s appointment with a trimmed reason', (status) => {
      spec.given(historyIn[status]).when(lose).then([lost]);
    });

    it('records that the future cycle is lost too', () => {
      spec
        .given([scheduled])
        .when({ ...lose, loseFutureCycle: true })
        .then([{ type: 'AppointmentLost', data: { ...ref, reason: 'Sold the car', loseFutureCycle: true } }]);
    });

    it.each(['success', 'lost'] as const)('refuses a %s appointment', (status) => {
      spec.given(historyIn[status]).when(lose).thenThrows({ kind: 'rejected', code: 'appointment_closed' });
    });

    it.each([' ', 'x'.repeat(257)])('refuses a blank or too long reason', (reason) => {
      spec.given([scheduled]).when({ ...lose, reason }).thenThrows({ kind: 'invalid', field: 'reason' });
    });

    it('answers not found for an unknown appointment', () => {
      spec.given([]).when(lose).thenThrows({ kind: 'not_found' });
    });
  });

  describe('LoseAppointmentInCycle (AS5, future cycle)', () => {
    const inCycle = { type: 'LoseAppointmentInCycle' as const, appointmentId, cycleOf: otherId, after: '2026-01-19T00:00:00.000Z', reason: 'Sold the car' };

    it.each(['scheduled', 'confirmed'] as const)('loses a %s appointment scheduled later', (status) => {
      spec
        .given(historyIn[status])
        .when(inCycle)
        .then([{ type: 'AppointmentLost', data: { ...ref, reason: 'Sold the car', cycleOf: otherId } }]);
    });

    it('leaves an appointment scheduled at the same instant or earlier', () => {
      spec.given([scheduled]).when({ ...inCycle, after: '2026-01-20T13:00:00.000Z' }).then([]);
      spec.given([scheduled]).when({ ...inCycle, after: '2026-01-21T00:00:00.000Z' }).then([]);
    });

    it('follows a reschedule: the current instant decides', () => {
      spec.given([scheduled, rescheduled]).when({ ...inCycle, after: '2026-01-21T00:00:00.000Z' }).then([
        { type: 'AppointmentLost', data: { ...ref, reason: 'Sold the car', cycleOf: otherId } },
      ]);
    });

    it.each(['success', 'lost'] as const)('leaves a %s appointment as it is', (status) => {
      spec.given(historyIn[status]).when(inCycle).then([]);
    });

    it('leaves the lost appointment itself, and an id with no stream', () => {
      spec.given([scheduled]).when({ ...inCycle, cycleOf: appointmentId }).then([]);
      spec.given([]).when(inCycle).then([]);
    });
  });
});

describe('customer appointments index', () => {
  const index = deciderSpec(customerAppointmentsDecider, now);
  const listed = { type: 'CustomerAppointmentListed' as const, data: { customerId, appointmentId } };

  it('lists a new appointment of the customer', () => {
    index.given([]).when({ type: 'ListCustomerAppointment', customerId, appointmentId }).then([listed]);
  });

  it('lists an appointment once', () => {
    index.given([listed]).when({ type: 'ListCustomerAppointment', customerId, appointmentId }).then([]);
  });

  it('lists another appointment after the first', () => {
    index
      .given([listed])
      .when({ type: 'ListCustomerAppointment', customerId, appointmentId: otherId })
      .then([{ type: 'CustomerAppointmentListed', data: { customerId, appointmentId: otherId } }]);
  });
});

describe('normalizeInstant', () => {
  it.each([
    ['2026-03-10T14:30:00Z', '2026-03-10T14:30:00.000Z'],
    ['2026-03-10T14:30Z', '2026-03-10T14:30:00.000Z'],
    ['2026-03-10T23:30:00.5-03:00', '2026-03-11T02:30:00.500Z'],
    ['2024-02-29T00:00:00+14:00', '2024-02-28T10:00:00.000Z'],
  ])('%s is %s', (input, expected) => {
    expect(normalizeInstant(input)).toBe(expected);
  });

  it.each(['2026-03-10', '2026-03-10 14:30:00Z', '2025-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-03-10T14:60:00Z', '2026-03-10T14:30:00+25:00', ''])(
    'refuses %j',
    (input) => {
      expect(normalizeInstant(input)).toBeUndefined();
    },
  );
});
