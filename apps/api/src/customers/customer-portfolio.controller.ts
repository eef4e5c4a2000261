import { Body, Controller, Delete, HttpCode, Param, Post, Put, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { PORTFOLIO_EXCEPTIONS, type PortfolioException } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { ApiProblems, BadRequestProblem } from '../platform';
import { CommandAnswerDto } from './command-answer.dto';
import { answer, IdempotencyKeyHeader, IfMatchHeader } from './command-route';
import { UuidParamPipe } from './customer-id.pipe';
import { MarkAsNonCustomerDto } from './non-customer.dto';
import { ClearPortfolioExceptionCommand, MarkAsNonCustomerCommand, SetPortfolioExceptionCommand, UnmarkAsNonCustomerCommand } from './portfolio-exception-commands';

const CUSTOMER_PROBLEMS = [400, 401, 403, { status: 404, description: 'The customer does not exist' }, { status: 409, description: 'The customer was deleted, or a concurrent change' }] as const;

/** The `:exception` of a route: one of the T12 exceptions, else 400 naming it. */
const exceptionParam: PipeTransform<string, PortfolioException> = {
  transform(value: string) {
    if (!(PORTFOLIO_EXCEPTIONS as readonly string[]).includes(value)) throw new BadRequestProblem('exception', `exception must be one of ${PORTFOLIO_EXCEPTIONS.join(', ')}`);
    return value as PortfolioException;
  },
};

const ExceptionParam = () => ApiParam({ name: 'exception', enum: PORTFOLIO_EXCEPTIONS, description: 'Seed 000: Cliente Expirado, Oferta Ativa, Deny List' });

/**
 * T9 (seed 000, "Definir como não cliente") and T12's exceptions (expired, active offer, deny
 * list): each takes the customer out of every broker's portfolio while it holds (ADR 0038).
 */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerPortfolioController {
  constructor(private readonly commands: CommandGateway) {}

  @Post(':id/non-customer')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({
    type: CommandAnswerDto,
    description:
      'Marked as not a customer (T9): it leaves every broker’s portfolio at once, the broker who marked it included. ' +
      'The kind and note it already has append nothing; another kind or note replaces them.',
  })
  @ApiProblems(...CUSTOMER_PROBLEMS)
  async mark(@Param('id', UuidParamPipe) id: string, @Body() body: MarkAsNonCustomerDto, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new MarkAsNonCustomerCommand(id, body.kind, body.note ?? undefined, context)));
  }

  @Delete(':id/non-customer')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'A customer again (T9 undone), back in the portfolio unless an exception holds; a customer not marked appends nothing' })
  @ApiProblems(...CUSTOMER_PROBLEMS)
  async unmark(@Param('id', UuidParamPipe) id: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new UnmarkAsNonCustomerCommand(id, context)));
  }

  @Put(':id/portfolio-exceptions/:exception')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ExceptionParam()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'The exception holds (T12): the customer is in no broker’s portfolio until every exception is cleared; one that holds already appends nothing' })
  @ApiProblems(...CUSTOMER_PROBLEMS)
  async set(@Param('id', UuidParamPipe) id: string, @Param('exception', exceptionParam) exception: PortfolioException, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new SetPortfolioExceptionCommand(id, exception, context)));
  }

  @Delete(':id/portfolio-exceptions/:exception')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @IfMatchHeader()
  @ExceptionParam()
  @ApiOkResponse({ type: CommandAnswerDto, description: 'The exception no longer holds (T12); one that does not hold appends nothing' })
  @ApiProblems(...CUSTOMER_PROBLEMS)
  async clear(@Param('id', UuidParamPipe) id: string, @Param('exception', exceptionParam) exception: PortfolioException, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new ClearPortfolioExceptionCommand(id, exception, context)));
  }
}
