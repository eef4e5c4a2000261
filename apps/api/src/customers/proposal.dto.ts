import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PRODUCT_ID_MAX, PROPOSAL_NOTES_MAX } from '@trilha/domain';
import { IsAmount } from './is-amount.decorator';
import { NotBlank } from './not-blank';

export class RegisterProposalDto {
  @ApiProperty({ maxLength: PRODUCT_ID_MAX }) @IsString() @NotBlank() @MaxLength(PRODUCT_ID_MAX) productId!: string;

  @ApiProperty({
    description: 'Positive, at most 2 decimals, up to 999999999999.99 (a number, or a decimal string to avoid floats)',
    oneOf: [
      { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 999999999999.99, example: 1500.5 },
      { type: 'string', pattern: '^\\d{1,12}(\\.\\d{1,2})?$', example: '1500.50' },
    ],
  })
  @IsAmount()
  amount!: number | string;

  @ApiPropertyOptional({ maxLength: PROPOSAL_NOTES_MAX }) @IsOptional() @IsString() @MaxLength(PROPOSAL_NOTES_MAX) notes?: string;
}
