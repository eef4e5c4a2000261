import { Module } from '@nestjs/common';
import { CreateWalletHandler } from './create-wallet.handler';
import { DefaultWalletSetter } from './default-wallet-setter';
import { GetWalletBoardHandler } from './get-wallet-board.query';
import { ListWalletsHandler } from './list-wallets.query';
import { SetDefaultWalletHandler } from './set-default-wallet.handler';
import { WalletNameRegistry } from './wallet-name-registry';
import { WalletsController } from './wallets.controller';

/** CS3 wallets and the CS5 wallet board. */
@Module({
  controllers: [WalletsController],
  providers: [WalletNameRegistry, DefaultWalletSetter, CreateWalletHandler, SetDefaultWalletHandler, ListWalletsHandler, GetWalletBoardHandler],
})
export class WalletsModule {}
