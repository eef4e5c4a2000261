import { Module } from '@nestjs/common';
import { LeadStatusScheduler } from './lead-status-scheduler';

/** T14: carries out scheduled lead status changes when they fall due. */
@Module({ providers: [LeadStatusScheduler], exports: [LeadStatusScheduler] })
export class LeadStatusSchedulerModule {}
