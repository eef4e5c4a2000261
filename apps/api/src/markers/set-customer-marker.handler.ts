import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { liveMarker, markerCatalogueDecider, MARKERS_STREAM_ID } from '@trilha/domain';
import { AggregateReader } from '../commands/aggregate-reader';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { runCustomerCommand } from '../customers/run-customer-command';
import { SetCustomerMarkerCommand } from './marker-commands';

/** CS6: the customer's one marker, which must be in the catalogue (read from its stream) and not deleted. */
@CommandHandler(SetCustomerMarkerCommand)
export class SetCustomerMarkerHandler implements ICommandHandler<SetCustomerMarkerCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline, private readonly reader: AggregateReader) {}

  async execute({ customerId, markerId, context }: SetCustomerMarkerCommand): Promise<CommandResult> {
    const catalogue = await this.reader.state(MARKERS_STREAM_ID, markerCatalogueDecider);
    const marker = liveMarker(catalogue, markerId);
    return runCustomerCommand(this.pipeline, customerId, { type: 'SetCustomerMarker', customerId, markerId, marker: marker && { markerId: marker.markerId } }, context);
  }
}
