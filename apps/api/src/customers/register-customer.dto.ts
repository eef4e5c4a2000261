import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsIP,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ENTRY_METHODS, TEMPERATURES, type EntryMethod, type Temperature } from '@trilha/domain';
import { IsStringMap } from '../platform/input/is-string-map.decorator';
import { NotBlank } from './not-blank';

const TEXT_MAX = 256;
const INSTANT_MAX = 64;
const URL_MAX = 2048;
const IP_MAX = 45;
export const PHONE_MAX = 40;
export const PHONES_MAX = 20;
/** Limits of `origin.extraAttributes`, the attributes a bot captured. */
export const EXTRA_ATTRIBUTES = { maxEntries: 50, maxKeyLength: 64, maxValueLength: 1024 };

export class LeadMediumDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) campaign?: string;
  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) ads?: string;
}

/** Lead origin (T1): where and how the lead arrived. */
export class LeadOriginDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: 'Physical location of the first contact' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) location?: string;

  @ApiPropertyOptional({ format: 'date-time', maxLength: INSTANT_MAX, description: 'First contact time (ISO 8601)' })
  @IsOptional() @IsISO8601({ strict: true }) @MaxLength(INSTANT_MAX) firstContactAt?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) site?: string;

  @ApiPropertyOptional({ format: 'uri', maxLength: URL_MAX, description: 'The page the lead was generated at' })
  @IsOptional() @IsUrl({ require_tld: false }) @MaxLength(URL_MAX) generatedAtUrl?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) clickOrigin?: string;

  @ApiPropertyOptional({ maxLength: IP_MAX, description: 'IPv4 or IPv6 address' }) @IsOptional() @IsIP() @MaxLength(IP_MAX) ip?: string;

  @ApiPropertyOptional({ type: LeadMediumDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => LeadMediumDto) medium?: LeadMediumDto;

  @ApiPropertyOptional({ enum: ENTRY_METHODS }) @IsOptional() @IsIn(ENTRY_METHODS) entryMethod?: EntryMethod;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: EXTRA_ATTRIBUTES.maxValueLength },
    maxProperties: EXTRA_ATTRIBUTES.maxEntries,
    description: `Extra attributes captured by a bot: text values; keys of 1 to ${EXTRA_ATTRIBUTES.maxKeyLength} characters, without dots, not starting with $, not __proto__/constructor/prototype`,
  })
  @IsOptional() @IsStringMap(EXTRA_ATTRIBUTES) extraAttributes?: Record<string, string>;
}

/** Contact fields shared by registration and edits. */
export class CustomerContactFieldsDto {
  @ApiPropertyOptional({ type: 'array', items: { type: 'string', maxLength: PHONE_MAX }, maxItems: PHONES_MAX })
  @IsOptional() @IsArray() @ArrayMaxSize(PHONES_MAX) @IsString({ each: true }) @MaxLength(PHONE_MAX, { each: true }) phones?: string[];

  @ApiPropertyOptional({ format: 'email', maxLength: TEXT_MAX }) @IsOptional() @IsEmail() @MaxLength(TEXT_MAX) email?: string;
  @ApiPropertyOptional({ maxLength: PHONE_MAX }) @IsOptional() @IsString() @MaxLength(PHONE_MAX) whatsapp?: string;
  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) media?: string;
  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) channel?: string;
  @ApiPropertyOptional({ description: 'Responsible broker (user id)', maxLength: 128 })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(128) brokerId?: string;
}

export class RegisterCustomerDto extends CustomerContactFieldsDto {
  @ApiProperty({ minLength: 1, maxLength: TEXT_MAX }) @IsString() @IsNotEmpty() @NotBlank() @MaxLength(TEXT_MAX) name!: string;
  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) objective?: string;
  @ApiPropertyOptional({ enum: TEMPERATURES }) @IsOptional() @IsIn(TEMPERATURES) temperature?: Temperature;
  @ApiPropertyOptional({ maxLength: 128 }) @IsOptional() @IsString() @MaxLength(128) productOfInterestId?: string;

  @ApiPropertyOptional({ type: LeadOriginDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => LeadOriginDto) origin?: LeadOriginDto;
}
