import type { CommandContext } from '../commands/command-context';
import type { DefineJourneyDto } from './define-journey.dto';

export class DefineJourneyCommand {
  constructor(readonly body: DefineJourneyDto, readonly context: CommandContext) {}
}
