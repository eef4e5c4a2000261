import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parsePosition } from '@trilha/event-store';
import { BOARD_WALLETS, WALLET_BOARD, type BoardWalletDocument } from '@trilha/projections/wallet-board';
import { UnsupportedQueryError } from '@trilha/read-store';
import { BadRequestProblem } from '../platform';
import { ReadModels } from '../read-models/read-models';
import type { ListWalletsQueryDto, WalletListDto } from './wallet-list.dto';

export class ListWalletsQuery {
  constructor(readonly query: ListWalletsQueryDto) {}
}

/** Wallets by name, with the default flag the board projection keeps (CS3). */
@QueryHandler(ListWalletsQuery)
export class ListWalletsHandler implements IQueryHandler<ListWalletsQuery, WalletListDto> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ query }: ListWalletsQuery): Promise<WalletListDto> {
    const position = query.minPosition ? parsePosition(query.minPosition) : undefined;
    if (position) await this.readModels.waitFor(WALLET_BOARD, position);
    const wallets = await this.readModels.collection<BoardWalletDocument>(WALLET_BOARD, BOARD_WALLETS);
    const filter = query.managerId !== undefined ? { managerId: query.managerId } : {};
    try {
      const page = await wallets.findPage(filter, { sort: { name: 1 }, limit: query.limit ?? 50, cursor: query.cursor });
      return {
        items: page.items.map(({ _id, name, managerId, journeyId, isDefault }) => ({ id: _id, name, managerId, ...(journeyId ? { journeyId } : {}), isDefault })),
        nextCursor: page.nextCursor,
      };
    } catch (error) {
      if (error instanceof UnsupportedQueryError && query.cursor !== undefined) throw new BadRequestProblem('cursor', 'cursor must be the nextCursor of an earlier page');
      throw error;
    }
  }
}
