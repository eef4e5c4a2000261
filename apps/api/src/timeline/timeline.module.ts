import { Module } from '@nestjs/common';
import { CustomerTimelineController } from './customer-timeline.controller';
import { GetCustomerTimelineHandler } from './get-customer-timeline.query';

@Module({
  controllers: [CustomerTimelineController],
  providers: [GetCustomerTimelineHandler],
})
export class TimelineModule {}
