import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { FOLLOW_UP_MESSAGE_MAX } from '@trilha/domain';

/** POST /follow-ups/:id/send-email (CAL5). */
export class SendFollowUpEmailDto {
  @ApiProperty({ minLength: 1, maxLength: FOLLOW_UP_MESSAGE_MAX, description: 'The message typed by the user (trimmed)', example: 'Olá Joana, tudo bem?' })
  @IsString() @Matches(/\S/, { message: 'message is required' }) @MaxLength(FOLLOW_UP_MESSAGE_MAX) message!: string;
}
