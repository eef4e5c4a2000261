import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTOR_KINDS, isTimelineType, TIMELINE_TYPES, type ActorKind, type TimelineType } from '@trilha/projections/timeline';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../customers/changes-page.query';
import { MinPositionQueryDto } from '../read-models/min-position.query';
import { isDateOrInstant } from './timeline-period';

/** `?type=a,b` or `?type=a&type=b`: the list of names; anything else is left for the validator to refuse. */
function typeList({ value }: { value: unknown }): unknown {
  const parts = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  return parts ? parts.flatMap((part) => part.split(',')).map((name) => name.trim()) : value;
}

function IsTimelineTypeList(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimelineTypeList',
    validator: {
      validate: (value) => Array.isArray(value) && value.length > 0 && value.length <= TIMELINE_TYPES.length && value.every(isTimelineType),
      defaultMessage: (args) => {
        const unknown = Array.isArray(args?.value) ? args.value.filter((name) => !isTimelineType(name)) : [];
        const given = unknown.length > 0 ? ` (unknown: ${unknown.map((name) => JSON.stringify(name)).join(', ')})` : '';
        return `type must be one timeline type or a comma-separated list of them${given}; known types: ${TIMELINE_TYPES.join(', ')}`;
      },
    },
  });
}

function IsDateOrInstant(): PropertyDecorator {
  return ValidateBy({
    name: 'isDateOrInstant',
    validator: {
      validate: isDateOrInstant,
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a date YYYY-MM-DD or an ISO 8601 instant with its offset, e.g. 2026-03-10T14:00:00Z`,
    },
  });
}

/** `GET /customers/:id/timeline?type=&actor=&from=&to=&limit=&cursor=&minPosition=` */
export class TimelineQueryDto extends MinPositionQueryDto {
  // Documented on the route with @ApiQuery: a comma-separated list (style form, explode false).
  @ApiHideProperty()
  @IsOptional() @Transform(typeList) @IsTimelineTypeList() type?: TimelineType[];

  @ApiPropertyOptional({ enum: ACTOR_KINDS, description: 'Only entries of the customer (e.g. chat messages) or of users of the CRM' })
  @IsOptional() @IsIn(ACTOR_KINDS) actor?: ActorKind;

  @ApiPropertyOptional({
    description: 'Entries at or after this: a date (its first instant in TRILHA_TIMEZONE) or an ISO 8601 instant with offset',
    example: '2026-03-01',
    maxLength: 64,
  })
  @IsOptional() @IsString() @MaxLength(64) @IsDateOrInstant() from?: string;

  @ApiPropertyOptional({
    description: 'Entries at or before this: a date (the whole day, in TRILHA_TIMEZONE) or an ISO 8601 instant with offset',
    example: '2026-03-31T23:59:59Z',
    maxLength: 64,
  })
  @IsOptional() @IsString() @MaxLength(64) @IsDateOrInstant() to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;

  @ApiPropertyOptional({ maxLength: 2048, description: 'The nextCursor of the previous page (with the same filters)' })
  @IsOptional() @IsString() @MaxLength(2048) cursor?: string;
}
