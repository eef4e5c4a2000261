import { Module } from '@nestjs/common';
import { ActOnFollowUpHandler, RegisterFollowUpHandler } from './follow-up-handlers';
import { FollowUpsController } from './follow-ups.controller';
import { SendFollowUpEmailHandler } from './send-follow-up-email.handler';

@Module({
  controllers: [FollowUpsController],
  providers: [RegisterFollowUpHandler, ActOnFollowUpHandler, SendFollowUpEmailHandler],
})
export class FollowUpsModule {}
