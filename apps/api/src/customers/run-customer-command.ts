import { customerDecider, customerStreamId, type CustomerCommand } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';

/** Runs a command on a customer's stream; the answer's id is the customer's. */
export function runCustomerCommand(pipeline: CommandPipeline, customerId: string, command: CustomerCommand, context: CommandContext): Promise<CommandResult> {
  return pipeline.run({ streamId: customerStreamId(customerId), aggregateId: customerId, decider: customerDecider, command, context });
}
