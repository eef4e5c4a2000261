import { Injectable } from '@nestjs/common';
import { managerWalletsDecider, managerWalletsStreamId, notFound, walletDecider, walletStreamId } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';
import { CommandPipeline } from '../commands/command-pipeline';
import type { CommandResult } from '../commands/command-result';
import { AggregateReader } from '../commands/aggregate-reader';

/** One default wallet per manager (CS3), kept in the manager's own stream. */
@Injectable()
export class DefaultWalletSetter {
  constructor(private readonly pipeline: CommandPipeline, private readonly reader: AggregateReader) {}

  async set(walletId: string, context: CommandContext): Promise<CommandResult> {
    const wallet = await this.reader.state(walletStreamId(walletId), walletDecider);
    if (wallet.status !== 'created') throw notFound('wallet_not_found', `Wallet ${walletId} does not exist`);
    return this.pipeline.run({
      streamId: managerWalletsStreamId(wallet.managerId),
      aggregateId: walletId,
      decider: managerWalletsDecider,
      command: { type: 'SetDefaultWallet', managerId: wallet.managerId, walletId, wallet },
      context,
    });
  }
}
