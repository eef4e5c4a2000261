import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { FOLLOW_UP_EMAIL_MAX, FOLLOW_UP_NAME_MAX, FOLLOW_UP_PHONE_MAX } from '@trilha/domain';
import { IsDateOnly, IsFollowUpEmail, IsFollowUpPhone } from './follow-up-validators';

/** Spaces only is no name; the domain trims and checks it again. */
const required = (field: string) => Matches(/\S/, { message: `${field} is required` });

/** POST /follow-ups (CAL6, seed 004 item 7). */
export class RegisterFollowUpDto {
  @ApiProperty({ maxLength: FOLLOW_UP_NAME_MAX, description: 'The company or customer name (trimmed)', example: 'Padaria Pão Quente' })
  @IsString() @required('name') @MaxLength(FOLLOW_UP_NAME_MAX) name!: string;

  @ApiProperty({ maxLength: FOLLOW_UP_NAME_MAX, description: 'The main contact (trimmed)', example: 'Joana Lima' })
  @IsString() @required('contactName') @MaxLength(FOLLOW_UP_NAME_MAX) contactName!: string;

  @ApiPropertyOptional({ format: 'email', maxLength: FOLLOW_UP_EMAIL_MAX, example: 'joana@paoquente.com.br' })
  @IsOptional() @IsString() @MaxLength(FOLLOW_UP_EMAIL_MAX) @IsFollowUpEmail() email?: string;

  @ApiPropertyOptional({ maxLength: FOLLOW_UP_PHONE_MAX, description: 'Phone or WhatsApp: 8 to 15 digits; spaces, +, -, ( ) and dots allowed', example: '+55 11 98888-0000' })
  @IsOptional() @IsString() @MaxLength(FOLLOW_UP_PHONE_MAX) @IsFollowUpPhone() phone?: string;

  @ApiProperty({ format: 'date', maxLength: 10, description: 'When the contact took place', example: '2026-03-02' })
  @IsDateOnly() @MaxLength(10) contactOn!: string;

  @ApiProperty({ format: 'date', maxLength: 10, description: 'The day it shows on the calendar, under follow-up; not before contactOn (422)', example: '2026-03-10' })
  @IsDateOnly() @MaxLength(10) nextContactOn!: string;
}
