import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { ApiProblems } from '../platform';
import { ApiReadModelUnavailable } from '../read-models/read-model-unavailable';
import { ChangesPageQueryDto } from './changes-page.query';
import { CommandAnswerDto } from './command-answer.dto';
import { answer, IdempotencyKeyHeader, IfMatchHeader } from './command-route';
import { AddNoteCommand } from './customer-commands';
import { UuidParamPipe } from './customer-id.pipe';
import { GetCustomerNotesQuery } from './get-customer-notes.query';
import { AddNoteDto, CustomerNotesPageDto } from './notes.dto';

/** T15: notes on a customer (seed 001, the "Notas" tab beside the history). */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerNotesController {
  constructor(private readonly commands: CommandGateway, private readonly queries: QueryBus) {}

  @Post(':id/notes')
  @HttpCode(201)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiCreatedResponse({ type: CommandAnswerDto, description: 'Note created; `id` is the note’s. The timeline gets a note_added entry without the text.' })
  @ApiProblems(400, 401, 403, { status: 404, description: 'The customer does not exist' }, { status: 409, description: 'The customer was deleted, or a concurrent change' })
  async create(@Param('id', UuidParamPipe) id: string, @Body() body: AddNoteDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new AddNoteCommand(id, body.text, context)));
  }

  @Get(':id/notes')
  @ApiOkResponse({ type: CustomerNotesPageDto, description: 'The customer’s notes, newest first, with author and time' })
  @ApiProblems(400, 401, { status: 404, description: 'The customer does not exist' })
  @ApiReadModelUnavailable()
  list(@Param('id', UuidParamPipe) id: string, @Query() query: ChangesPageQueryDto): Promise<CustomerNotesPageDto> {
    return this.queries.execute(new GetCustomerNotesQuery(id, query));
  }
}
