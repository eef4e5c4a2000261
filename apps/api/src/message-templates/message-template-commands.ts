import type { CommandContext } from '../commands/command-context';

export class CreateMessageTemplateCommand {
  constructor(readonly name: string, readonly body: string, readonly context: CommandContext) {}
}

export class ChangeMessageTemplateCommand {
  constructor(readonly templateId: string, readonly change: { name?: string; body?: string }, readonly context: CommandContext) {}
}

export class DeleteMessageTemplateCommand {
  constructor(readonly templateId: string, readonly context: CommandContext) {}
}
