import type { FollowUpCommand } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';
import type { RegisterFollowUpDto } from './register-follow-up.dto';

export class RegisterFollowUpCommand {
  constructor(readonly body: RegisterFollowUpDto, readonly context: CommandContext) {}
}

/** Reschedule, resolve by call, send the email: one command on an existing follow-up's stream. */
export class ActOnFollowUpCommand {
  constructor(readonly command: Exclude<FollowUpCommand, { type: 'RegisterFollowUp' | 'DeleteFollowUp' }>, readonly context: CommandContext) {}
}

/** CAL5 with CAL4: the message typed, or the id of a saved template whose body is sent. */
export class SendFollowUpEmailCommand {
  constructor(readonly followUpId: string, readonly source: { message: string } | { templateId: string }, readonly context: CommandContext) {}
}

/** LGPD erasure of a follow-up's contact (ADR 0042): crypto-shredding of its own key. */
export class DeleteFollowUpCommand {
  constructor(readonly followUpId: string, readonly context: CommandContext) {}
}
