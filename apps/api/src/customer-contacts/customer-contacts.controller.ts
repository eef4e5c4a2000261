import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { ChangesPageQueryDto } from '../customers/changes-page.query';
import { CommandAnswerDto } from '../customers/command-answer.dto';
import { answer, IdempotencyKeyHeader, IfMatchHeader } from '../customers/command-route';
import { uuidParam, UuidParamPipe } from '../customers/customer-id.pipe';
import { ApiProblems } from '../platform';
import { ApiReadModelUnavailable } from '../read-models/read-model-unavailable';
import { AddContactDto, CustomerContactsPageDto, EditContactDto } from './contacts.dto';
import { AddContactCommand, EditContactCommand, RemoveContactCommand } from './customer-contact-commands';
import { GetCustomerContactsQuery } from './get-customer-contacts.query';

const unknownCustomer = { status: 404, description: 'The customer does not exist' };
const unknownContact = { status: 404, description: 'The customer, or their contact, does not exist (a removed contact included)' };
const deleted = { status: 409, description: 'The customer was deleted, or a concurrent change' };

/** CS13: the people linked to a company customer (seed 002, "Contatos" in the customer 360; ADR 0040). */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerContactsController {
  constructor(private readonly commands: CommandGateway, private readonly queries: QueryBus) {}

  @Post(':id/contacts')
  @HttpCode(201)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiCreatedResponse({ type: CommandAnswerDto, description: 'Contact added; `id` is the contact’s' })
  @ApiProblems(400, 401, 403, unknownCustomer, deleted)
  async add(@Param('id', UuidParamPipe) id: string, @Body() body: AddContactDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new AddContactCommand(id, body, context)));
  }

  @Get(':id/contacts')
  @ApiOkResponse({ type: CustomerContactsPageDto, description: 'The customer’s contacts: the primary one first, then the others in the order they were added' })
  @ApiProblems(400, 401, unknownCustomer)
  @ApiReadModelUnavailable()
  list(@Param('id', UuidParamPipe) id: string, @Query() query: ChangesPageQueryDto): Promise<CustomerContactsPageDto> {
    return this.queries.execute(new GetCustomerContactsQuery(id, query));
  }

  @Patch(':id/contacts/:contactId')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Edited (nothing is appended when nothing changes); `id` is the contact’s' })
  @ApiProblems(400, 401, 403, unknownContact, deleted)
  async edit(
    @Param('id', UuidParamPipe) id: string,
    @Param('contactId', uuidParam('contactId')) contactId: string,
    @Body() body: EditContactDto,
    @CommandCtx() context: CommandContext,
  ): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new EditContactCommand(id, contactId, body, context)));
  }

  @Delete(':id/contacts/:contactId')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Removed; a removed primary contact leaves the customer without one' })
  @ApiProblems(400, 401, 403, unknownContact, deleted)
  async remove(@Param('id', UuidParamPipe) id: string, @Param('contactId', uuidParam('contactId')) contactId: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new RemoveContactCommand(id, contactId, context)));
  }
}
