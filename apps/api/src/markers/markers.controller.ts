import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MARKER_NAME_MAX, MARKERS_MAX } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { CommandAnswerDto } from '../customers/command-answer.dto';
import { answer, IdempotencyKeyHeader } from '../customers/command-route';
import { ApiProblems, BadRequestProblem } from '../platform';
import { MinPositionQueryDto } from '../read-models/min-position.query';
import { uuidParam } from '../wallets/uuid-param.pipe';
import { ListMarkersQuery } from './list-markers.query';
import { ChangeMarkerCommand, CreateMarkerCommand, DeleteMarkerCommand } from './marker-commands';
import { ChangeMarkerDto, CreateMarkerDto, MarkerListDto } from './marker.dto';
import { ApiReadModelUnavailable } from '../read-models/read-model-unavailable';

const REVISION = "The revision is the marker catalogue's (one stream for every marker)";

/** CS6: the marker catalogue. Configuring it is an administrator's job (seed 002); everyone reads it. */
@ApiTags('markers')
@ApiBearerAuth()
@Controller('markers')
export class MarkersController {
  constructor(private readonly commands: CommandGateway, private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: MarkerListDto, description: `The markers (at most ${MARKERS_MAX}), by name` })
  @ApiProblems(400)
  @ApiReadModelUnavailable()
  list(@Query() query: MinPositionQueryDto): Promise<MarkerListDto> {
    return this.queries.execute(new ListMarkersQuery(query.minPosition));
  }

  @Post()
  @HttpCode(201)
  @IdempotencyKeyHeader()
  @ApiCreatedResponse({ type: CommandAnswerDto, description: `Created; \`id\` is the marker's. ${REVISION}` })
  @ApiProblems(
    403, // who may call it: ACCESS_MATRIX (authorization/access-matrix.ts)
    { status: 409, description: 'A marker with this name exists (ignoring case), or a concurrent change' },
    { status: 422, description: `There are already ${MARKERS_MAX} markers` },
  )
  async create(@Body() body: CreateMarkerDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new CreateMarkerCommand(body, context)));
  }

  @Patch(':id')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: `Renamed (name up to ${MARKER_NAME_MAX} characters) and/or given another emoji; the current values change nothing. ${REVISION}` })
  @ApiProblems(
    403,
    { status: 404, description: 'The marker does not exist or was deleted' },
    { status: 409, description: 'Another marker has this name (ignoring case), or a concurrent change' },
  )
  async change(@Param('id', uuidParam('id')) id: string, @Body() body: ChangeMarkerDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    // A null field is left out (IsOptional lets null through): there is nothing to clear.
    if (body.name == null && body.emoji == null) throw new BadRequestProblem('body', 'Send name, emoji or both');
    return answer(await this.commands.execute(new ChangeMarkerCommand(id, body, context)));
  }

  @Delete(':id')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: `Deleted; customers that had it show no marker from then on. ${REVISION}` })
  @ApiProblems(400, 403, { status: 404, description: 'The marker does not exist or was already deleted' }, { status: 409, description: 'A concurrent change' })
  async delete(@Param('id', uuidParam('id')) id: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new DeleteMarkerCommand(id, context)));
  }
}
