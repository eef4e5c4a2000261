import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../platform';
import { ChangesPageQueryDto } from './changes-page.query';
import { CustomerChangesDto } from './customer-changes.dto';
import { UuidParamPipe } from './customer-id.pipe';
import { GetCustomerChangesQuery } from './get-customer-changes.query';
import { ApiReadModelUnavailable } from '../read-models/read-model-unavailable';

/** "View changes" (T2, seed 000 item 11): every recorded change of a customer's fields. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerChangesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/changes')
  @ApiOkResponse({ type: CustomerChangesDto, description: 'Data edits (one item per field) and status changes, newest first' })
  @ApiProblems(400, 401, 404)
  @ApiReadModelUnavailable()
  changes(@Param('id', UuidParamPipe) id: string, @Query() query: ChangesPageQueryDto): Promise<CustomerChangesDto> {
    return this.queries.execute(new GetCustomerChangesQuery(id, query));
  }
}
