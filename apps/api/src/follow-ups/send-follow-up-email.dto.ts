import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { FOLLOW_UP_MESSAGE_MAX } from '@trilha/domain';

/** POST /follow-ups/:id/send-email (CAL5): the message typed, or a saved template (CAL4); exactly one. */
export class SendFollowUpEmailDto {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: FOLLOW_UP_MESSAGE_MAX,
    description:
      'The message typed by the user (trimmed), with placeholders such as #{cliente} (GET /message-templates/placeholders): an unknown one answers 400, one whose value the follow-up lacks becomes empty text. Send it or templateId, not both',
    example: 'Olá #{contato}, tudo bem?',
  })
  @IsOptional() @IsString() @Matches(/\S/, { message: 'message is required' }) @MaxLength(FOLLOW_UP_MESSAGE_MAX) message?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A saved message template (GET /message-templates) whose body is sent, its placeholders replaced. Send it or message, not both' })
  @IsOptional() @IsUUID() templateId?: string;
}
