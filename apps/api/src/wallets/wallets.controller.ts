import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { CommandAnswerDto } from '../customers/command-answer.dto';
import { ApiProblems, CurrentActor, type Actor } from '../platform';
import { portfolioScopeOf } from '../authorization/portfolio-scope';
import { commandAnswer } from './command-answer';
import { CreateWalletDto } from './create-wallet.dto';
import { GetWalletBoardQuery } from './get-wallet-board.query';
import { ListWalletsQuery } from './list-wallets.query';
import { uuidParam } from './uuid-param.pipe';
import { WalletBoardDto, WalletBoardQueryDto } from './wallet-board.dto';
import { CreateWalletCommand, SetDefaultWalletCommand } from './wallet-commands';
import { ListWalletsQueryDto, WalletListDto } from './wallet-list.dto';
import { ApiReadModelUnavailable } from '../read-models/read-model-unavailable';

const idempotencyKey = ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it to retry safely: the command runs once' });

@ApiTags('wallets')
@ApiBearerAuth()
@Controller('wallets')
export class WalletsController {
  constructor(private readonly commands: CommandGateway, private readonly queries: QueryBus) {}

  /** Seed 002: configuring wallets needs the administrator profile. */
  @Post()
  @HttpCode(201)
  @ApiProblems(403) // who may call it: ACCESS_MATRIX (authorization/access-matrix.ts)
  @idempotencyKey
  @ApiCreatedResponse({ type: CommandAnswerDto, description: 'Created (CS3); `position` covers the default-wallet change too' })
  @ApiProblems(
    { status: 404, description: 'The journey does not exist' },
    { status: 409, description: 'A wallet with this name exists (ignoring case), or a concurrent change' },
  )
  async create(@Body() body: CreateWalletDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return commandAnswer(await this.commands.execute(new CreateWalletCommand(body, context)));
  }

  @Post(':id/default')
  @HttpCode(200)
  @ApiProblems(403) // who may call it: ACCESS_MATRIX (authorization/access-matrix.ts)
  @idempotencyKey
  @ApiOkResponse({ type: CommandAnswerDto, description: "Now its manager's default wallet; the previous default is unset (CS3)" })
  @ApiProblems(400, 404, 409)
  async setDefault(@Param('id', uuidParam('id')) id: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return commandAnswer(await this.commands.execute(new SetDefaultWalletCommand(id, context)));
  }

  @Get()
  @ApiOkResponse({ type: WalletListDto })
  @ApiProblems(400)
  @ApiReadModelUnavailable()
  list(@Query() query: ListWalletsQueryDto): Promise<WalletListDto> {
    return this.queries.execute(new ListWalletsQuery(query));
  }

  @Get(':id/board')
  @ApiOkResponse({ type: WalletBoardDto, description: 'CS5; time-relative fields are computed as of the request' })
  @ApiProblems(400, 404)
  @ApiReadModelUnavailable()
  board(@Param('id', uuidParam('id')) id: string, @Query() query: WalletBoardQueryDto, @CurrentActor() actor: Actor): Promise<WalletBoardDto> {
    const { marker, milestoneStatus, minPosition } = query;
    return this.queries.execute(new GetWalletBoardQuery(id, { marker, milestoneStatus }, portfolioScopeOf(actor), minPosition));
  }
}
