import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { NotBlank } from './not-blank';
import { PHONE_MAX, PHONES_MAX } from './register-customer.dto';

const TEXT_MAX = 256;
/** `null` clears an optional field; an absent field is left as it is. */
const unlessNull = ValidateIf((_o, value) => value !== null && value !== undefined);

export class EditCustomerDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: TEXT_MAX })
  @ValidateIf((_o, v) => v !== undefined) @IsString() @IsNotEmpty() @NotBlank() @MaxLength(TEXT_MAX) name?: string;

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', maxLength: PHONE_MAX }, nullable: true, maxItems: PHONES_MAX })
  @unlessNull @IsArray() @ArrayMaxSize(PHONES_MAX) @IsString({ each: true }) @MaxLength(PHONE_MAX, { each: true }) phones?: string[] | null;

  @ApiPropertyOptional({ type: String, format: 'email', nullable: true, maxLength: TEXT_MAX }) @unlessNull @IsEmail() @MaxLength(TEXT_MAX) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PHONE_MAX }) @unlessNull @IsString() @MaxLength(PHONE_MAX) whatsapp?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_MAX }) @unlessNull @IsString() @MaxLength(TEXT_MAX) media?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_MAX }) @unlessNull @IsString() @MaxLength(TEXT_MAX) channel?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 128 })
  @unlessNull @IsString() @IsNotEmpty() @MaxLength(128) brokerId?: string | null;
}
