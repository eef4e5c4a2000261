import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { CustomerAuditController } from './customer-audit.controller';
import { GetCustomerHistoryHandler } from './get-customer-history.query';
import { GetCustomerStateHandler } from './get-customer-state.query';
import { VerifyEventLogHandler } from './verify-event-log.query';
import { VerifyCustomerStreamHandler } from './verify-customer-stream.query';

/** SPEC P4: the auditor's routes. They read the event store itself, never a read model. */
@Module({
  controllers: [CustomerAuditController, AuditController],
  providers: [GetCustomerHistoryHandler, GetCustomerStateHandler, VerifyCustomerStreamHandler, VerifyEventLogHandler],
})
export class AuditModule {}
