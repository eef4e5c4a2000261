import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { TIMELINE_TYPES } from '@trilha/projections/timeline';
import { UuidParamPipe } from '../customers/customer-id.pipe';
import { ApiProblems } from '../platform';
import { GetCustomerTimelineQuery } from './get-customer-timeline.query';
import { TimelinePageDto } from './timeline.dto';
import { TimelineQueryDto } from './timeline-query.dto';
import { ApiReadModelUnavailable } from '../read-models/read-model-unavailable';

/** The customer timeline (T18, seeds 000 and 001): everything that happened to a customer. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerTimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/timeline')
  @ApiParam({ name: 'id', format: 'uuid', description: 'The customer' })
  @ApiQuery({
    name: 'type',
    required: false,
    style: 'form',
    explode: false,
    schema: { type: 'array', minItems: 1, items: { type: 'string', enum: [...TIMELINE_TYPES] } },
    description: 'Only entries of these types: one, or a comma-separated list, e.g. temperature_changed,comment_added',
  })
  @ApiOkResponse({ type: TimelinePageDto, description: 'Entries newest first, with a short pt-BR summary each' })
  @ApiProblems(400, 401, 404)
  @ApiReadModelUnavailable()
  timeline(@Param('id', UuidParamPipe) id: string, @Query() query: TimelineQueryDto): Promise<TimelinePageDto> {
    const { type, actor, from, to, limit, cursor, minPosition } = query;
    return this.queries.execute(new GetCustomerTimelineQuery(id, { types: type, actor, from, to }, { limit, cursor, minPosition }));
  }
}
