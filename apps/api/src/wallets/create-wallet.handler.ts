import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { walletDecider, walletStreamId, type CreateWallet } from '@trilha/domain';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { entityIdFor } from '../commands/deterministic-ids';
import { CLOCK } from '../infrastructure/tokens';
import { AggregateReader } from '../commands/aggregate-reader';
import { readJourneyOutline } from '../journeys/journey-outline';
import { DefaultWalletSetter } from './default-wallet-setter';
import { laterPosition } from './later-position';
import { subCommandContext } from './sub-command-context';
import { WalletNameRegistry } from './wallet-name-registry';
import { CreateWalletCommand } from './wallet-commands';

/**
 * Reserves the name, creates the wallet, then (when asked) makes it the manager's default: three
 * streams, each appended with its expected revision, in an order that a retry can complete.
 */
@CommandHandler(CreateWalletCommand)
export class CreateWalletHandler implements ICommandHandler<CreateWalletCommand, CommandResult> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly reader: AggregateReader,
    private readonly names: WalletNameRegistry,
    private readonly defaults: DefaultWalletSetter,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  async execute({ body, context }: CreateWalletCommand): Promise<CommandResult> {
    const walletId = entityIdFor(context.commandId, 'wallet');
    const streamId = walletStreamId(walletId);
    const journey = body.journeyId ? { journeyId: body.journeyId, exists: (await readJourneyOutline(this.reader, body.journeyId)) !== undefined } : undefined;
    const command: CreateWallet = { type: 'CreateWallet', walletId, name: body.name, managerId: body.managerId, ...(journey ? { journey } : {}) };

    const current = await this.reader.state(streamId, walletDecider);
    if (current.status !== 'created') {
      // Refuse what the wallet itself refuses before the name is reserved for it.
      walletDecider.decide(command, current, this.clock());
      await this.names.reserve(body.name.trim(), walletId, context);
    }
    const created = await this.pipeline.run({ streamId, aggregateId: walletId, decider: walletDecider, command, context });
    if (!body.isDefault) return created;
    const defaulted = await this.defaults.set(walletId, subCommandContext(context, 'wallet-default'));
    return { ...created, position: laterPosition(created.position, defaulted.position) };
  }
}
