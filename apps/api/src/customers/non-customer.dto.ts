import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { NON_CUSTOMER_KINDS, NON_CUSTOMER_NOTE_MAX, type NonCustomerKind } from '@trilha/domain';

/** POST /customers/:id/non-customer (T9). */
export class MarkAsNonCustomerDto {
  @ApiProperty({ enum: NON_CUSTOMER_KINDS, description: 'What the registration is instead: a supplier, a test, an employee, or something else (seed 000)' })
  @IsIn(NON_CUSTOMER_KINDS)
  kind!: NonCustomerKind;

  @ApiPropertyOptional({ maxLength: NON_CUSTOMER_NOTE_MAX, description: 'Why, in free text; stored trimmed, a blank note is none. Personal data: erased with the customer' })
  @IsOptional() @IsString() @MaxLength(NON_CUSTOMER_NOTE_MAX)
  note?: string;
}
