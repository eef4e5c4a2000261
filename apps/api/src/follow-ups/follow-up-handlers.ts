import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { followUpDecider, followUpStreamId, type FollowUpCommand } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { entityIdFor } from '../commands/deterministic-ids';
import { ActOnFollowUpCommand, RegisterFollowUpCommand } from './follow-up-commands';

export function runOnFollowUp(pipeline: CommandPipeline, followUpId: string, command: FollowUpCommand, context: CommandContext): Promise<CommandResult> {
  return pipeline.run({ streamId: followUpStreamId(followUpId), aggregateId: followUpId, decider: followUpDecider, command, context });
}

/** CAL6: the follow-up is the registering user's (ADR 0037); its id derives from the command id, so a retry finds it. */
@CommandHandler(RegisterFollowUpCommand)
export class RegisterFollowUpHandler implements ICommandHandler<RegisterFollowUpCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ body, context }: RegisterFollowUpCommand): Promise<CommandResult> {
    const followUpId = entityIdFor(context.commandId, 'follow-up');
    const { name, contactName, email, phone, contactOn, nextContactOn } = body;
    const command: FollowUpCommand = {
      type: 'RegisterFollowUp',
      followUpId,
      ownerId: context.actor.id,
      name,
      contactName,
      ...(email !== undefined ? { email } : {}),
      ...(phone !== undefined ? { phone } : {}),
      contactOn,
      nextContactOn,
    };
    return runOnFollowUp(this.pipeline, followUpId, command, context);
  }
}

@CommandHandler(ActOnFollowUpCommand)
export class ActOnFollowUpHandler implements ICommandHandler<ActOnFollowUpCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, context }: ActOnFollowUpCommand): Promise<CommandResult> {
    return runOnFollowUp(this.pipeline, command.followUpId, command, context);
  }
}
