import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ACTOR_KINDS, TIMELINE_TYPES, type ActorKind, type TimelineItem, type TimelineType } from '@trilha/projections/timeline';
import { TIMELINE_DATA_SCHEMAS } from './timeline-data.schemas';

export class TimelineActorDto {
  @ApiProperty({ type: String, nullable: true, description: 'The user id, or the customer id for a customer-originated entry; null when not recorded' })
  id!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The role of the user (admin, manager, broker …)' })
  role!: string | null;
  @ApiProperty({ enum: ACTOR_KINDS, description: 'customer: the customer acted (e.g. a chat message); user: someone using the CRM' })
  kind!: ActorKind;
}

/** One entry of a given type: `type` tells which shape `data` has. */
function itemSchema(type: TimelineType): SchemaObject {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'at', 'type', 'actor', 'summary', 'data'],
    properties: {
      id: { type: 'string', format: 'uuid', description: 'The id of the event the entry records' },
      at: { type: 'string', format: 'date-time', description: 'When it happened (the event’s occurredAt)' },
      type: { type: 'string', enum: [type] },
      actor: { $ref: getSchemaPath(TimelineActorDto) },
      summary: { type: 'string', description: 'A short sentence, pt-BR' },
      data: TIMELINE_DATA_SCHEMAS[type],
    },
  };
}

/** GET /customers/:id/timeline */
@ApiExtraModels(TimelineActorDto)
export class TimelinePageDto {
  @ApiProperty({
    type: 'array',
    items: { oneOf: TIMELINE_TYPES.map(itemSchema) },
    description: `Newest first (then in reverse order of recording). Types: ${TIMELINE_TYPES.join(', ')}`,
  })
  items!: TimelineItem[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass it as ?cursor= (with the same filters) for the next page; null on the last page' })
  nextCursor!: string | null;
}
