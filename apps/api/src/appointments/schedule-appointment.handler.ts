import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  appointmentDecider,
  appointmentStreamId,
  customerAppointmentsDecider,
  customerAppointmentsStreamId,
  customerDecider,
  requireLiveCustomer,
  customerStreamId,
  DEFAULT_APPOINTMENT_KIND,
  notFound,
  type ScheduleAppointment,
} from '@trilha/domain';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { entityIdFor } from '../commands/deterministic-ids';
import { CLOCK } from '../infrastructure/tokens';
import { ScheduleAppointmentCommand } from './appointment-commands';
import { derivedContext } from './derived-context';
import { AggregateReader } from '../commands/aggregate-reader';

/**
 * Lists the appointment on the customer's index, then schedules it on its own stream (ADR 0009):
 * in that order, so that no appointment is ever missing from its customer's index.
 */
@CommandHandler(ScheduleAppointmentCommand)
export class ScheduleAppointmentHandler implements ICommandHandler<ScheduleAppointmentCommand, CommandResult> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: AggregateReader,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ body, context }: ScheduleAppointmentCommand): Promise<CommandResult> {
    // Derived from the command id, so a retried request finds the same stream.
    const appointmentId = entityIdFor(context.commandId, 'appointment');
    const customerId = body.customerId.toLowerCase();
    const command: ScheduleAppointment = {
      type: 'ScheduleAppointment',
      appointmentId,
      customerId,
      scheduledFor: body.scheduledFor,
      responsibleId: body.responsibleId ?? context.actor.id,
      kind: body.kind ?? DEFAULT_APPOINTMENT_KIND,
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
    };
    const streamId = appointmentStreamId(appointmentId);
    // One instant for the whole request: the index entry and the appointment are decided alike.
    const now = this.clock();

    // A retry of a request that already scheduled it skips straight to the pipeline's replay.
    if (await this.streams.isEmpty(streamId)) {
      const customer = await this.streams.state(customerStreamId(customerId), customerDecider);
      if (!customer.exists) throw notFound('customer_not_found', `Customer ${customerId} does not exist`);
      requireLiveCustomer(customer, customerId);
      // Decided once up front, so that a refusal lists nothing on the index either.
      appointmentDecider.decide(command, appointmentDecider.initialState, now);
      await this.pipeline.run({
        streamId: customerAppointmentsStreamId(customerId),
        aggregateId: customerId,
        decider: customerAppointmentsDecider,
        command: { type: 'ListCustomerAppointment', customerId, appointmentId },
        context: derivedContext(context, 'customer-appointments-entry'),
        now,
      });
    }
    return this.pipeline.run({ streamId, aggregateId: appointmentId, decider: appointmentDecider, command, context, now });
  }
}
