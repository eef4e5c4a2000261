import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NULL_SCHEMA, nullableRef } from '../platform/openapi/nullable';

class ChangeActorDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional() name?: string;
}

// Field values are whatever JSON the field holds: a string, the list of phones, or null.
const ANY_VALUE = { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }, { type: 'object' }, NULL_SCHEMA] };

@ApiExtraModels(ChangeActorDto)
export class CustomerChangeDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ ...nullableRef(ChangeActorDto), description: 'Who made the change (null for an event without an actor)' })
  actor!: ChangeActorDto | null;
  @ApiProperty({
    description: 'A data field (name, phones, email, whatsapp, media, channel, brokerId) or a status field (temperature, objective, moment, subMoment, productOfInterestId)',
  })
  field!: string;
  @ApiProperty({ ...ANY_VALUE, description: 'The value before; null when the field was unset' }) from!: unknown;
  @ApiProperty({ ...ANY_VALUE, description: 'The value after; null when the field was cleared' }) to!: unknown;
  @ApiProperty({ format: 'uuid', description: 'The event that made the change' }) eventId!: string;
}

/** GET /customers/:id/changes: "view changes", newest first. */
export class CustomerChangesDto {
  @ApiProperty({ type: [CustomerChangeDto] }) items!: CustomerChangeDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass it as ?cursor= for the next page; null on the last page' })
  nextCursor!: string | null;
}
