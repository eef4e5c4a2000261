import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { ApiProblems } from '../platform';
import { CommandAnswerDto } from './command-answer.dto';
import { answer, IdempotencyKeyHeader, IfMatchHeader } from './command-route';
import { UuidParamPipe } from './customer-id.pipe';
import { CancelScheduledLeadStatusChangeCommand, ChangeLeadStatusCommand, ScheduleLeadStatusChangeCommand } from './lead-status-commands';
import { ChangeLeadStatusDto, ScheduleLeadStatusChangeDto } from './lead-status.dto';

const CUSTOMER_PROBLEMS = [400, 401, 403, { status: 404, description: 'The customer does not exist' }] as const;
const DELETED_OR_CONCURRENT = { status: 409, description: 'The customer was deleted, or a concurrent change' } as const;

/** T14: the lead status (new, in progress, sale, no sale), by hand or scheduled for a later instant. */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerLeadStatusController {
  constructor(private readonly commands: CommandGateway) {}

  @Post(':id/lead-status')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Lead status changed (T14). The status the lead already has appends nothing and answers the current revision.' })
  @ApiProblems(...CUSTOMER_PROBLEMS, DELETED_OR_CONCURRENT)
  async change(@Param('id', UuidParamPipe) id: string, @Body() body: ChangeLeadStatusDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ChangeLeadStatusCommand(id, body.status, context)));
  }

  @Put(':id/lead-status/schedule')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({
    type: CommandAnswerDto,
    description:
      'The lead status is to change at `at` (T14): one scheduled change per customer, replacing the one pending; the same status and instant again append nothing. ' +
      'It happens within the scheduler’s interval after `at`; the lead status it finds already set cancels it instead.',
  })
  @ApiProblems(...CUSTOMER_PROBLEMS, DELETED_OR_CONCURRENT, { status: 422, description: '`at` is not in the future' })
  async schedule(@Param('id', UuidParamPipe) id: string, @Body() body: ScheduleLeadStatusChangeDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ScheduleLeadStatusChangeCommand(id, body.status, body.at, context)));
  }

  @Delete(':id/lead-status/schedule')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'The scheduled lead status change is cancelled (T14)' })
  @ApiProblems(...CUSTOMER_PROBLEMS, { status: 409, description: 'No lead status change is scheduled (like a temperature revert with nothing to revert to), the customer was deleted, or a concurrent change' })
  async cancel(@Param('id', UuidParamPipe) id: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new CancelScheduledLeadStatusChangeCommand(id, context)));
  }
}
