import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { CommandAnswerDto } from '../customers/command-answer.dto';
import { ApiProblems } from '../platform';
import { commandAnswer } from '../wallets/command-answer';
import { uuidParam } from '../wallets/uuid-param.pipe';
import { CompleteMilestoneCommand, ConcludeStepCommand, MoveCustomerStageCommand, PlaceCustomerInWalletCommand } from './customer-journey-commands';
import { CompleteMilestoneDto, ConcludeStepDto, MoveStageDto, PlaceInWalletDto } from './customer-journey.dto';
import { GetJourneyProgressQuery } from './get-journey-progress.query';
import { JourneyProgressDto } from './journey-progress.dto';
import { MinPositionQueryDto } from '../read-models/min-position.query';
import { ApiReadModelUnavailable } from '../read-models/read-model-unavailable';

const idempotencyKey = ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it to retry safely: the command runs once' });
const ifMatch = ApiHeader({ name: 'If-Match', required: false, description: "The revision of the customer's journey you last read: a different one answers 409" });

/** A customer's place in a wallet and its journey (CS4 one by one, CS5, CS12). */
@ApiTags('customer journeys')
@ApiBearerAuth()
@Controller('customers')
export class CustomerJourneysController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly queries: QueryBus,
  ) {}

  @Get(':id/journey')
  @ApiOkResponse({ type: JourneyProgressDto, description: "The customer's journey (CS12): each step and milestone with its due day, the dates reported and its status today" })
  @ApiProblems(400, 401, { status: 404, description: 'The customer does not exist' })
  @ApiReadModelUnavailable()
  journey(@Param('id', uuidParam('id')) id: string, @Query() query: MinPositionQueryDto): Promise<JourneyProgressDto> {
    return this.queries.execute(new GetJourneyProgressQuery(id, query.minPosition));
  }

  @Put(':id/wallet')
  @HttpCode(200)
  @ApiProblems(403) // who may call it: ACCESS_MATRIX (authorization/access-matrix.ts)
  @idempotencyKey
  @ifMatch
  @ApiOkResponse({ type: CommandAnswerDto, description: "In the wallet, at the first step of its journey; a move from another wallet marks the card new. The revision is the customer's journey stream's" })
  @ApiProblems({ status: 404, description: 'The customer or the wallet does not exist' }, 409)
  async placeInWallet(@Param('id', uuidParam('id')) id: string, @Body() body: PlaceInWalletDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return commandAnswer(await this.commands.execute(new PlaceCustomerInWalletCommand(id, body.walletId.toLowerCase(), context)));
  }

  @Post(':id/stage')
  @HttpCode(200)
  @ApiProblems(403) // who may call it: ACCESS_MATRIX (authorization/access-matrix.ts)
  @idempotencyKey
  @ifMatch
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Moved to the step (a stage move); the current step again changes nothing' })
  @ApiProblems(
    { status: 404, description: 'The customer does not exist' },
    409,
    { status: 422, description: "The customer is in no journey, or the step is not one of their journey's" },
  )
  async moveStage(@Param('id', uuidParam('id')) id: string, @Body() body: MoveStageDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return commandAnswer(await this.commands.execute(new MoveCustomerStageCommand(id, body.stepId.toLowerCase(), context)));
  }

  @Post(':id/milestones/:milestoneId/complete')
  @HttpCode(200)
  @ApiProblems(403) // who may call it: ACCESS_MATRIX (authorization/access-matrix.ts)
  @idempotencyKey
  @ifMatch
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Completed on that date; another date corrects it, the same date changes nothing' })
  @ApiProblems(
    { status: 404, description: "The customer does not exist, or the milestone is not in the customer's journey" },
    409,
    { status: 422, description: 'The customer is in no journey, or the date is in the future' },
  )
  async completeMilestone(
    @Param('id', uuidParam('id')) id: string,
    @Param('milestoneId', uuidParam('milestoneId')) milestoneId: string,
    @Body() body: CompleteMilestoneDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandAnswerDto> {
    return commandAnswer(await this.commands.execute(new CompleteMilestoneCommand(id, milestoneId, body.completedOn, context)));
  }

  @Post(':id/steps/:stepId/conclude')
  @HttpCode(200)
  @ApiProblems(403) // who may call it: ACCESS_MATRIX (authorization/access-matrix.ts)
  @idempotencyKey
  @ifMatch
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Concluded on that date (the current step stays as it is); another date corrects it, the same date changes nothing' })
  @ApiProblems(
    { status: 404, description: "The customer does not exist, or the step is not in the customer's journey" },
    409,
    { status: 422, description: 'The customer is in no journey, or the date is in the future' },
  )
  async concludeStep(
    @Param('id', uuidParam('id')) id: string,
    @Param('stepId', uuidParam('stepId')) stepId: string,
    @Body() body: ConcludeStepDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandAnswerDto> {
    return commandAnswer(await this.commands.execute(new ConcludeStepCommand(id, stepId, body.concludedOn, context)));
  }
}
