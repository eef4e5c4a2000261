import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { nullableRef } from '../platform/openapi/nullable';

const JSON_OBJECT = { type: 'object', additionalProperties: true } as const;

export class HistoryActorDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ enum: ['user', 'customer', 'system'] }) kind?: string;
}

export class StoredPayloadDto {
  @ApiProperty({ description: 'The schema version the event was written in' }) schemaVersion!: number;
  @ApiProperty({ ...JSON_OBJECT, description: 'The payload exactly as stored' }) data!: Record<string, unknown>;
}

@ApiExtraModels(HistoryActorDto, StoredPayloadDto)
export class HistoryEventDto {
  @ApiProperty({
    description: 'The stream the event is in: the customer stream, its customerjourney- stream, its customerappointments- index, or an appointment- stream',
    example: 'customer-6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01',
  })
  streamId!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ description: 'The stable past-tense event type, e.g. TemperatureChanged' }) type!: string;
  @ApiProperty({ description: 'Revision in its stream (0 for the first event), a decimal string', example: '3' }) revision!: string;
  @ApiProperty({ description: 'Global position in the event store, a decimal string ("<commit>/<prepare>" on EventStoreDB)', example: '42' })
  position!: string;
  @ApiProperty({ format: 'date-time', description: 'metadata.occurredAt, else when the store recorded the event' }) occurredAt!: string;
  @ApiProperty({ ...nullableRef(HistoryActorDto), description: 'metadata.actor (null for an event without one)' }) actor!: HistoryActorDto | null;
  @ApiProperty({ description: 'The schema version of `data`: the current one of the event type' }) schemaVersion!: number;
  @ApiProperty({ ...JSON_OBJECT, description: 'The payload in its current schema version (an older stored shape is upcast, as every reader sees it)' })
  data!: Record<string, unknown>;
  @ApiPropertyOptional({ type: StoredPayloadDto, description: 'Only when the stored payload differs from `data`: the bytes as written, which the integrity hash covers' })
  stored?: StoredPayloadDto;
  @ApiProperty({
    ...JSON_OBJECT,
    description: 'The metadata envelope as stored: actor, commandId, correlationId, causationId, occurredAt, schemaVersion and integrity {alg, prev, hash}',
  })
  metadata!: Record<string, unknown>;
}

/** GET /customers/:id/history: every event about the customer, from the store, oldest first (P4). */
export class CustomerHistoryDto {
  @ApiProperty({ example: 'customer-6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01' }) streamId!: string;
  @ApiProperty({ type: [HistoryEventDto] }) events!: HistoryEventDto[];
}
