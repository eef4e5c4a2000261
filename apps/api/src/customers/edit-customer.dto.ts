import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';

const TEXT_MAX = 256;
/** `null` clears an optional field; an absent field is left as it is. */
const unlessNull = ValidateIf((_o, value) => value !== null && value !== undefined);

export class EditCustomerDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @ValidateIf((_o, v) => v !== undefined) @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX) name?: string;

  @ApiPropertyOptional({ type: [String], nullable: true, maxItems: 20 })
  @unlessNull @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(40, { each: true }) phones?: string[] | null;

  @ApiPropertyOptional({ type: String, format: 'email', nullable: true, maxLength: TEXT_MAX }) @unlessNull @IsEmail() @MaxLength(TEXT_MAX) email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40 }) @unlessNull @IsString() @MaxLength(40) whatsapp?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_MAX }) @unlessNull @IsString() @MaxLength(TEXT_MAX) media?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: TEXT_MAX }) @unlessNull @IsString() @MaxLength(TEXT_MAX) channel?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 128 })
  @unlessNull @IsString() @IsNotEmpty() @MaxLength(128) brokerId?: string | null;
}
