import type { CommandContext } from '../commands/command-context';
import type { CreateWalletDto } from './create-wallet.dto';

export class CreateWalletCommand {
  constructor(readonly body: CreateWalletDto, readonly context: CommandContext) {}
}

export class SetDefaultWalletCommand {
  constructor(readonly walletId: string, readonly context: CommandContext) {}
}
