import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { ApiProblems } from '../platform';
import { CommandAnswerDto } from './command-answer.dto';
import { answer, IdempotencyKeyHeader } from './command-route';
import { DeleteCustomerCommand } from './customer-erasure.command';
import { UuidParamPipe } from './customer-id.pipe';

/** T10: LGPD erasure. Roles: admin and manager (ACCESS_MATRIX). */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomerErasureController {
  constructor(private readonly commands: CommandGateway) {}

  @Delete(':id')
  @HttpCode(200)
  @IdempotencyKeyHeader()
  @ApiOperation({
    summary: 'Delete a customer and erase their personal data (LGPD)',
    description:
      'Appends CustomerDeleted and destroys the customer’s data key: from then on every personal field (name, phones, email, WhatsApp, IP, ' +
      'comments, reasons, notes) reads as "[dado removido]" in the history, the state, the timeline, the changes, the detail, the board ' +
      'and the calendar. The history stays, and still verifies. A deleted customer accepts no command (409).',
  })
  @ApiOkResponse({ type: CommandAnswerDto, description: 'Deleted; `revision` and `position` are those of CustomerDeleted' })
  @ApiProblems(400, 401, 403, 404, 409)
  async delete(@Param('id', UuidParamPipe) id: string, @CommandCtx() context: CommandContext): Promise<CommandAnswerDto> {
    return answer(await this.commands.execute(new DeleteCustomerCommand(id, context)));
  }
}
