import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '@trilha/domain';
import { BadRequestProblem, COMMAND_DURATION, ConflictProblem, NotFoundProblem, UnprocessableProblem, type CommandDurationHistogram } from '../platform';
import { CommandConflictError } from './command-pipeline';
import type { CommandResult } from './command-result';

/**
 * Sends a command through the CommandBus, observes its latency and turns refusals into
 * problem+json answers.
 */
@Injectable()
export class CommandGateway {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(COMMAND_DURATION) private readonly duration: CommandDurationHistogram,
  ) {}

  async execute(command: object): Promise<CommandResult> {
    const stop = this.duration.startTimer({ command: command.constructor.name });
    try {
      const result = await this.commandBus.execute<object, CommandResult>(command);
      stop({ outcome: 'ok' });
      return result;
    } catch (error) {
      stop({ outcome: error instanceof DomainError || error instanceof CommandConflictError ? 'refused' : 'error' });
      throw toProblem(error);
    }
  }
}

export function toProblem(error: unknown): unknown {
  if (error instanceof CommandConflictError) return new ConflictProblem(error.message);
  if (!(error instanceof DomainError)) return error;
  switch (error.kind) {
    case 'not_found':
      return new NotFoundProblem(error.message);
    case 'conflict':
      return new ConflictProblem(error.message);
    case 'rejected':
      return new UnprocessableProblem(error.message, { field: error.field });
    case 'invalid':
      return new BadRequestProblem(error.field ?? 'body', error.message);
  }
}
