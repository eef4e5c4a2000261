import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../platform';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { CommandAnswerDto } from './command-answer.dto';
import { answer, IdempotencyKeyHeader, IfMatchHeader } from './command-route';
import { MarkProposalAsSaleCommand, RegisterProposalCommand } from './customer-commands';
import { UuidParamPipe, uuidParam } from './customer-id.pipe';
import { RegisterProposalDto } from './proposal.dto';

/** Proposals for the customer and a product, and marking one as a sale (T6). */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerProposalsController {
  constructor(private readonly commands: CommandGateway) {}

  @Post(':id/proposals')
  @HttpCode(201)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiCreatedResponse({ type: CommandAnswerDto, description: 'Proposal registered; `id` is the proposal’s. A new lead goes in progress (T14).' })
  @ApiProblems(400, 401, 403, 404, 409)
  async register(@Param('id', UuidParamPipe) id: string, @Body() body: RegisterProposalDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    const { productId, amount, notes } = body;
    return answer(await this.commands.execute(new RegisterProposalCommand(id, { productId, amount, notes }, context)));
  }

  @Post(':id/proposals/:proposalId/sale')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'The proposal is a sale and the lead status becomes Sale; `id` is the proposal’s' })
  @ApiProblems(
    400,
    401,
    403,
    { status: 404, description: 'Unknown customer, or the customer has no such proposal' },
    { status: 409, description: 'The proposal is already a sale, or a concurrent change' },
  )
  async markAsSale(
    @Param('id', UuidParamPipe) id: string,
    @Param('proposalId', uuidParam('proposalId')) proposalId: string,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new MarkProposalAsSaleCommand(id, proposalId, context)));
  }
}
