import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parsePosition } from '@trilha/event-store';
import {
  BOARD_CARDS,
  BOARD_JOURNEYS,
  BOARD_WALLETS,
  boardView,
  WALLET_BOARD,
  type Board,
  type BoardCardDocument,
  type BoardFilters,
  type BoardJourneyDocument,
  type BoardWalletDocument,
} from '@trilha/projections/wallet-board';
import { IN_A_PORTFOLIO } from '@trilha/projections/out-of-portfolio';
import type { TrilhaConfig } from '../config/trilha-config';
import { CLOCK, TRILHA_CONFIG } from '../infrastructure/tokens';
import { NotFoundProblem } from '../platform';
import { PortfolioReadModel } from '../authorization/portfolio-read-model';
import type { PortfolioScope } from '../authorization/portfolio-scope';
import { ReadModels } from '../read-models/read-models';

export class GetWalletBoardQuery {
  constructor(readonly walletId: string, readonly filters: BoardFilters, readonly scope: PortfolioScope, readonly minPosition?: string) {}
}

/** Reads the stored dates and computes the time-relative fields with the injected clock, in the days of `TRILHA_TIMEZONE`. */
@QueryHandler(GetWalletBoardQuery)
export class GetWalletBoardHandler implements IQueryHandler<GetWalletBoardQuery, Board> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly portfolio: PortfolioReadModel,
    @Inject(CLOCK) private readonly clock: () => Date,
    @Inject(TRILHA_CONFIG) private readonly config: TrilhaConfig,
  ) {}

  async execute({ walletId, filters, scope, minPosition }: GetWalletBoardQuery): Promise<Board> {
    const position = minPosition ? parsePosition(minPosition) : undefined;
    if (position) await this.readModels.waitFor(WALLET_BOARD, position);
    const wallets = await this.readModels.collection<BoardWalletDocument>(WALLET_BOARD, BOARD_WALLETS);
    const wallet = await wallets.findOne({ _id: walletId });
    if (!wallet) throw new NotFoundProblem(`Wallet ${walletId} does not exist`);
    const journeys = await this.readModels.collection<BoardJourneyDocument>(WALLET_BOARD, BOARD_JOURNEYS);
    const journey = wallet.journeyId ? await journeys.findOne({ _id: wallet.journeyId }) : null;
    const cards = await this.readModels.collection<BoardCardDocument>(WALLET_BOARD, BOARD_CARDS);
    // boardView orders each column itself.
    const visible = await cards.find(await this.cardFilter(wallet, scope), { anyOrder: true });
    return boardView(wallet, journey, visible, { now: this.clock(), timeZone: this.config.timeZone }, filters);
  }

  /**
   * The wallet's cards a viewer may see: all of them; for the broker who manages the wallet, those
   * of customers in a portfolio (not non-customers, no portfolio exception); for another broker,
   * only the customers of their portfolio they are the responsible broker of.
   */
  private async cardFilter(wallet: BoardWalletDocument, scope: PortfolioScope) {
    if (scope.kind === 'all') return { walletId: wallet._id };
    if (wallet.managerId === scope.brokerId) return { walletId: wallet._id, ...IN_A_PORTFOLIO };
    return { walletId: wallet._id, _id: { $in: await this.portfolio.customersOfBroker(scope.brokerId) } };
  }
}
