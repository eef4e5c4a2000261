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

const TEXT_MAX = 256;

export class LeadMediumDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) campaign?: string;
  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) ads?: string;
}

/** Lead origin (T1): where and how the lead arrived. */
export class LeadOriginDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: 'Physical location of the first contact' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) location?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'First contact time (ISO 8601)' })
  @IsOptional() @IsISO8601({ strict: true }) firstContactAt?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) site?: string;

  @ApiPropertyOptional({ format: 'uri', description: 'The page the lead was generated at' })
  @IsOptional() @IsUrl({ require_tld: false }) @MaxLength(2048) generatedAtUrl?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) clickOrigin?: string;

  @ApiPropertyOptional({ description: 'IPv4 or IPv6 address' }) @IsOptional() @IsIP() ip?: string;

  @ApiPropertyOptional({ type: LeadMediumDto })
  @IsOptional() @ValidateNested() @Type(() => LeadMediumDto) medium?: LeadMediumDto;

  @ApiPropertyOptional({ enum: ENTRY_METHODS }) @IsOptional() @IsIn(ENTRY_METHODS) entryMethod?: EntryMethod;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Extra attributes captured by a bot' })
  @IsOptional() @IsObject() extraAttributes?: Record<string, string>;
}

/** Contact fields shared by registration and edits. */
export class CustomerContactFieldsDto {
  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(40, { each: true }) phones?: string[];

  @ApiPropertyOptional({ format: 'email' }) @IsOptional() @IsEmail() @MaxLength(TEXT_MAX) email?: string;
  @ApiPropertyOptional({ maxLength: 40 }) @IsOptional() @IsString() @MaxLength(40) whatsapp?: string;
  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) media?: string;
  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) channel?: string;
  @ApiPropertyOptional({ description: 'Responsible broker (user id)', maxLength: 128 })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(128) brokerId?: string;
}

export class RegisterCustomerDto extends CustomerContactFieldsDto {
  @ApiProperty({ maxLength: TEXT_MAX }) @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX) name!: string;
  @ApiPropertyOptional({ maxLength: TEXT_MAX }) @IsOptional() @IsString() @MaxLength(TEXT_MAX) objective?: string;
  @ApiPropertyOptional({ enum: TEMPERATURES }) @IsOptional() @IsIn(TEMPERATURES) temperature?: Temperature;
  @ApiPropertyOptional({ maxLength: 128 }) @IsOptional() @IsString() @MaxLength(128) productOfInterestId?: string;

  @ApiPropertyOptional({ type: LeadOriginDto })
  @IsOptional() @ValidateNested() @Type(() => LeadOriginDto) origin?: LeadOriginDto;
}
