import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { customerDecider, customerStreamId, EDITABLE_FIELDS, type EditCustomerData } from '@trilha/domain';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { EditCustomerDataCommand } from './customer-commands';

@CommandHandler(EditCustomerDataCommand)
export class EditCustomerDataHandler implements ICommandHandler<EditCustomerDataCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ customerId, body, context }: EditCustomerDataCommand): Promise<CommandResult> {
    const changes: EditCustomerData['changes'] = {};
    for (const field of EDITABLE_FIELDS) {
      if (body[field] !== undefined) (changes as Record<string, unknown>)[field] = body[field];
    }
    return this.pipeline.run({
      streamId: customerStreamId(customerId),
      aggregateId: customerId,
      decider: customerDecider,
      command: { type: 'EditCustomerData', customerId, changes },
      context,
    });
  }
}
