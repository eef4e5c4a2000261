import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { journeyDecider, journeyStreamId, type JourneyStep } from '@trilha/domain';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { entityIdFor } from '../commands/deterministic-ids';
import { AggregateReader } from '../commands/aggregate-reader';
import { readJourneyOutline } from './journey-outline';
import { DefineJourneyCommand } from './define-journey.command';

export type DefinedJourney = CommandResult & { steps: JourneyStep[] };

@CommandHandler(DefineJourneyCommand)
export class DefineJourneyHandler implements ICommandHandler<DefineJourneyCommand, DefinedJourney> {
  constructor(private readonly pipeline: CommandPipeline, private readonly reader: AggregateReader) {}

  async execute({ body, context }: DefineJourneyCommand): Promise<DefinedJourney> {
    // Every id derives from the command id: a retried request defines the very same journey.
    const journeyId = entityIdFor(context.commandId, 'journey');
    const steps: JourneyStep[] = body.steps.map((step, i) => ({
      id: entityIdFor(context.commandId, `journey-step:${i}`),
      name: step.name,
      milestones: step.milestones.map((m, j) => ({ id: entityIdFor(context.commandId, `journey-milestone:${i}:${j}`), name: m.name, days: m.days })),
    }));
    const result = await this.pipeline.run({
      streamId: journeyStreamId(journeyId),
      aggregateId: journeyId,
      decider: journeyDecider,
      command: { type: 'DefineJourney', journeyId, name: body.name, steps },
      context,
    });
    // Answer with what is stored (names trimmed), also when a retry appended nothing.
    const stored = await readJourneyOutline(this.reader, journeyId);
    return { ...result, steps: stored?.steps ?? [] };
  }
}
