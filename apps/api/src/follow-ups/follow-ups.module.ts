import { Module } from '@nestjs/common';
import { ActOnFollowUpHandler, RegisterFollowUpHandler } from './follow-up-handlers';
import { FollowUpsController } from './follow-ups.controller';

@Module({
  controllers: [FollowUpsController],
  providers: [RegisterFollowUpHandler, ActOnFollowUpHandler],
})
export class FollowUpsModule {}
