import { Injectable } from '@nestjs/common';
import { conflict, DomainError, walletDecider, walletNameDecider, walletNameStreamId, walletStreamId } from '@trilha/domain';
import type { CommandContext } from '../commands/command-context';
import { CommandPipeline } from '../commands/command-pipeline';
import { AggregateReader } from '../commands/aggregate-reader';
import { subCommandContext } from './sub-command-context';

/**
 * Wallet names are unique ignoring case (CS3), across wallets: each name has a stream of its own
 * that records which wallet holds it (docs/adr, "wallet name uniqueness").
 */
@Injectable()
export class WalletNameRegistry {
  constructor(private readonly pipeline: CommandPipeline, private readonly reader: AggregateReader) {}

  /** Reserves `name` for `walletId`, or refuses with 409 when a created wallet holds it. */
  async reserve(name: string, walletId: string, context: CommandContext): Promise<void> {
    try {
      await this.reserveFor(name, walletId, subCommandContext(context, 'wallet-name'));
      return;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'wallet_name_taken')) throw error;
    }
    const { holder } = await this.reader.state(walletNameStreamId(name), walletNameDecider);
    if (holder === undefined || holder === walletId) throw duplicate(name);
    // The holder may have reserved the name and never created its wallet (a crash in between).
    // Closing its stream makes sure it never will; if it was created meanwhile, the name is taken.
    const holderWallet = await this.reader.state(walletStreamId(holder), walletDecider);
    if (holderWallet.status === 'created') throw duplicate(name);
    try {
      await this.pipeline.run({
        streamId: walletStreamId(holder),
        aggregateId: holder,
        decider: walletDecider,
        command: { type: 'AbandonWalletCreation', walletId: holder, name, takenOverBy: walletId },
        context: subCommandContext(context, 'wallet-name-abandon'),
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'wallet_exists') throw duplicate(name);
      throw error;
    }
    await this.reserveFor(name, walletId, subCommandContext(context, 'wallet-name-takeover'), holder);
  }

  private reserveFor(name: string, walletId: string, context: CommandContext, takeOverFrom?: string) {
    return this.pipeline.run({
      streamId: walletNameStreamId(name),
      aggregateId: walletId,
      decider: walletNameDecider,
      command: { type: 'ReserveWalletName', name, walletId, ...(takeOverFrom ? { takeOverFrom } : {}) },
      context,
    });
  }
}

function duplicate(name: string): DomainError {
  return conflict('wallet_name_taken', `A wallet named "${name}" already exists (names are unique, ignoring case)`);
}
