import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../customers/customer-id.pipe';
import { ApiProblems } from '../platform';
import { CustomerHistoryDto } from './customer-history.dto';
import { CustomerStateDto, STATE_EXTRA_MODELS } from './customer-state.dto';
import { CustomerStateQueryDto } from './customer-state.query.dto';
import { GetCustomerHistoryQuery } from './get-customer-history.query';
import { GetCustomerStateQuery } from './get-customer-state.query';
import { statePointOf } from './state-point';
import { StreamVerificationDto } from './verification.dto';
import { VerifyCustomerStreamQuery } from './verify-customer-stream.query';

/** SPEC P4, for auditors: a customer's raw history, its state at any past point, its integrity. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiExtraModels(...STATE_EXTRA_MODELS)
@Controller('customers')
@ApiProblems(403) // who may call it: ACCESS_MATRIX (authorization/access-matrix.ts)
export class CustomerAuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @ApiOkResponse({ type: CustomerHistoryDto, description: 'Every event of the customer stream and of the streams about it (wallet journey, appointments), in global order, oldest first' })
  @ApiProblems(400, 401, 403, 404)
  history(@Param('id', UuidParamPipe) id: string): Promise<CustomerHistoryDto> {
    return this.queries.execute(new GetCustomerHistoryQuery(id));
  }

  @Get(':id/state')
  @ApiOkResponse({ type: CustomerStateDto, description: 'The customer aggregate folded (with upcasting) up to the instant or the revision' })
  @ApiProblems(
    { status: 400, description: 'Neither or both of asOf and revision, a malformed instant, or a revision that is not a non-negative integer' },
    401,
    403,
    { status: 404, description: 'Unknown customer, not registered yet at that point, or no such revision yet' },
  )
  state(@Param('id', UuidParamPipe) id: string, @Query() query: CustomerStateQueryDto): Promise<CustomerStateDto> {
    return this.queries.execute(new GetCustomerStateQuery(id, statePointOf(query)));
  }

  @Get(':id/verify')
  @ApiOkResponse({ type: StreamVerificationDto, description: 'The integrity chain of the customer stream, recomputed from the stored events' })
  @ApiProblems(400, 401, 403, 404)
  verify(@Param('id', UuidParamPipe) id: string): Promise<StreamVerificationDto> {
    return this.queries.execute(new VerifyCustomerStreamQuery(id));
  }
}
