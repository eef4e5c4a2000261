import { Module } from '@nestjs/common';
import { AppointmentsController } from './appointments.controller';
import { ConfirmAppointmentHandler } from './confirm-appointment.handler';
import { MarkAppointmentLostHandler } from './mark-appointment-lost.handler';
import { MarkAppointmentSuccessHandler } from './mark-appointment-success.handler';
import { RescheduleAppointmentHandler } from './reschedule-appointment.handler';
import { ScheduleAppointmentHandler } from './schedule-appointment.handler';

@Module({
  controllers: [AppointmentsController],
  providers: [
    ScheduleAppointmentHandler,
    RescheduleAppointmentHandler,
    ConfirmAppointmentHandler,
    MarkAppointmentSuccessHandler,
    MarkAppointmentLostHandler,
  ],
})
export class AppointmentsModule {}
