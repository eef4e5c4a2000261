import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, BadRequestProblem } from '../platform';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { MinPositionQueryDto } from '../read-models/min-position.query';
import { CommandAnswerDto } from './command-answer.dto';
import { answer, IdempotencyKeyHeader, IfMatchHeader } from './command-route';
import { CustomerDetailDto } from './customer-detail.dto';
import { EditCustomerDataCommand, RegisterCustomerCommand } from './customer-commands';
import { UuidParamPipe } from './customer-id.pipe';
import { EditCustomerDto } from './edit-customer.dto';
import { GetCustomerQuery } from './get-customer.query';
import { RegisterCustomerDto } from './register-customer.dto';
import { ApiReadModelUnavailable } from '../read-models/read-model-unavailable';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomersController {
  constructor(private readonly commands: CommandGateway, private readonly queries: QueryBus) {}

  @Post()
  @HttpCode(201)
  @IdempotencyKeyHeader()
  @ApiCreatedResponse({ type: CommandAnswerDto, description: 'Registered (T1)' })
  @ApiProblems(400, 401, 403, 409)
  async register(@Body() body: RegisterCustomerDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new RegisterCustomerCommand(body, context)));
  }

  @Patch(':id')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Edited; each changed field is recorded (T2)' })
  @ApiProblems(400, 401, 403, 404, 409)
  async edit(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: EditCustomerDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandAnswerDto> {
    if (Object.values(body).every((v) => v === undefined)) throw new BadRequestProblem('body', 'Send at least one field to change');
    return answer(await this.commands.execute(new EditCustomerDataCommand(id, body, context)));
  }

  @Get(':id')
  @ApiOkResponse({ type: CustomerDetailDto })
  @ApiProblems(400, 401, 404)
  @ApiReadModelUnavailable()
  get(@Param('id', UuidParamPipe) id: string, @Query() query: MinPositionQueryDto): Promise<CustomerDetailDto> {
    return this.queries.execute(new GetCustomerQuery(id, query.minPosition));
  }
}
