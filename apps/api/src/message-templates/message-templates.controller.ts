import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MESSAGE_PLACEHOLDERS } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { ChangesPageQueryDto } from '../customers/changes-page.query';
import { CommandAnswerDto } from '../customers/command-answer.dto';
import { answer, IdempotencyKeyHeader } from '../customers/command-route';
import { ApiProblems, BadRequestProblem } from '../platform';
import { ApiReadModelUnavailable } from '../read-models/read-model-unavailable';
import { uuidParam } from '../wallets/uuid-param.pipe';
import { ListMessageTemplatesQuery } from './list-message-templates.query';
import { ChangeMessageTemplateCommand, CreateMessageTemplateCommand, DeleteMessageTemplateCommand } from './message-template-commands';
import { ChangeMessageTemplateDto, CreateMessageTemplateDto, MessageTemplatesPageDto, PlaceholdersDto } from './message-template.dto';

const REVISION = "The revision is the template's own stream's";
const unknownTemplate = { status: 404, description: 'The template does not exist or was deleted' };
const nameTaken = { status: 409, description: 'Another template has this name (ignoring case), or a concurrent change' };

/**
 * CAL4: saved message templates for a follow-up's email, and the placeholders they may use
 * (ADR 0039). Admins and managers write them; everyone reads them.
 */
@ApiTags('message-templates')
@ApiBearerAuth()
@Controller('message-templates')
export class MessageTemplatesController {
  constructor(private readonly commands: CommandGateway, private readonly queries: QueryBus) {}

  @Get('placeholders')
  @ApiOkResponse({
    type: PlaceholdersDto,
    description: 'The placeholders a message or a template may use, written #{name}. A placeholder whose value the follow-up lacks (no phone, say) renders as empty text',
  })
  @ApiProblems(401)
  placeholders(): PlaceholdersDto {
    return { items: MESSAGE_PLACEHOLDERS.map(({ name, description }) => ({ name, token: `#{${name}}`, description })) };
  }

  @Get()
  @ApiOkResponse({ type: MessageTemplatesPageDto, description: 'The saved templates, by name' })
  @ApiProblems(400, 401)
  @ApiReadModelUnavailable()
  list(@Query() query: ChangesPageQueryDto): Promise<MessageTemplatesPageDto> {
    return this.queries.execute(new ListMessageTemplatesQuery(query));
  }

  @Post()
  @HttpCode(201)
  @IdempotencyKeyHeader()
  @ApiCreatedResponse({ type: CommandAnswerDto, description: `Created; \`id\` is the template's. ${REVISION}` })
  @ApiProblems(400, 401, 403, nameTaken)
  async create(@Body() body: CreateMessageTemplateDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new CreateMessageTemplateCommand(body.name, body.body, context)));
  }

  @Patch(':id')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: `Renamed and/or given a new body; the current values change nothing. ${REVISION}` })
  @ApiProblems(400, 401, 403, unknownTemplate, nameTaken)
  async change(@Param('id', uuidParam('id')) id: string, @Body() body: ChangeMessageTemplateDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    // A null field is left out (IsOptional lets null through): there is nothing to clear.
    if (body.name == null && body.body == null) throw new BadRequestProblem('body', 'Send name, body or both');
    const change = { ...(body.name != null ? { name: body.name } : {}), ...(body.body != null ? { body: body.body } : {}) };
    return answer(await this.commands.execute(new ChangeMessageTemplateCommand(id, change, context)));
  }

  @Delete(':id')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: `Deleted; its name is free again, and sending with it answers 422. ${REVISION}` })
  @ApiProblems(400, 401, 403, unknownTemplate, { status: 409, description: 'A concurrent change' })
  async delete(@Param('id', uuidParam('id')) id: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new DeleteMessageTemplateCommand(id, context)));
  }
}
