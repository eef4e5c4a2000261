import { Module } from '@nestjs/common';
import { DeleteFollowUpHandler } from './follow-up-erasure.handler';
import { ActOnFollowUpHandler, RegisterFollowUpHandler } from './follow-up-handlers';
import { FollowUpsController } from './follow-ups.controller';
import { SendFollowUpEmailHandler } from './send-follow-up-email.handler';

@Module({
  controllers: [FollowUpsController],
  providers: [RegisterFollowUpHandler, ActOnFollowUpHandler, SendFollowUpEmailHandler, DeleteFollowUpHandler],
})
export class FollowUpsModule {}
