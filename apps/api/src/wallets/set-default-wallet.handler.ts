import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../commands/command-result';
import { DefaultWalletSetter } from './default-wallet-setter';
import { SetDefaultWalletCommand } from './wallet-commands';

@CommandHandler(SetDefaultWalletCommand)
export class SetDefaultWalletHandler implements ICommandHandler<SetDefaultWalletCommand, CommandResult> {
  constructor(private readonly defaults: DefaultWalletSetter) {}

  execute({ walletId, context }: SetDefaultWalletCommand): Promise<CommandResult> {
    return this.defaults.set(walletId, context);
  }
}
