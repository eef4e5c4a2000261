import { Module } from '@nestjs/common';
import { ChangeMessageTemplateHandler } from './change-message-template.handler';
import { CreateMessageTemplateHandler } from './create-message-template.handler';
import { DeleteMessageTemplateHandler } from './delete-message-template.handler';
import { ListMessageTemplatesHandler } from './list-message-templates.query';
import { MessageTemplateNames } from './message-template-names';
import { MessageTemplatesController } from './message-templates.controller';

/** CAL4: saved message templates and their placeholders. */
@Module({
  controllers: [MessageTemplatesController],
  providers: [MessageTemplateNames, CreateMessageTemplateHandler, ChangeMessageTemplateHandler, DeleteMessageTemplateHandler, ListMessageTemplatesHandler],
  exports: [MessageTemplateNames],
})
export class MessageTemplatesModule {}
