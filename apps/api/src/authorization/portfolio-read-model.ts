import { Injectable } from '@nestjs/common';
import { CUSTOMER_DETAIL, CUSTOMERS_COLLECTION, type CustomerDetailDocument } from '@trilha/projections/customer-detail';
import { IN_A_PORTFOLIO } from '@trilha/projections/out-of-portfolio';
import { BOARD_CARDS, BOARD_WALLETS, WALLET_BOARD, type BoardCardDocument, type BoardWalletDocument } from '@trilha/projections/wallet-board';
import { ReadModels } from '../read-models/read-models';

/**
 * A broker's portfolio as the read models know it, for filtering lists inside their queries. The
 * same rule as Portfolio (responsible broker, or manager of the customer's wallet, and neither a
 * non-customer nor under a portfolio exception), eventually consistent like every list.
 */
@Injectable()
export class PortfolioReadModel {
  constructor(private readonly readModels: ReadModels) {}

  /** Customers whose responsible broker is `brokerId` and who are in a portfolio (customer detail read model, indexed on brokerId). */
  async customersOfBroker(brokerId: string): Promise<string[]> {
    const customers = await this.readModels.collection<CustomerDetailDocument>(CUSTOMER_DETAIL, CUSTOMERS_COLLECTION);
    return (await customers.find({ brokerId, ...IN_A_PORTFOLIO })).map((doc) => doc._id);
  }

  /** Ids of the wallets `userId` manages. */
  async walletsManagedBy(userId: string): Promise<string[]> {
    const wallets = await this.readModels.collection<BoardWalletDocument>(WALLET_BOARD, BOARD_WALLETS);
    return (await wallets.find({ managerId: userId })).map((doc) => doc._id);
  }

  /** Every customer in the broker's portfolio. */
  async customerIds(brokerId: string): Promise<string[]> {
    const [own, managed] = await Promise.all([this.customersOfBroker(brokerId), this.walletsManagedBy(brokerId)]);
    if (managed.length === 0) return own;
    const cards = await this.readModels.collection<BoardCardDocument>(WALLET_BOARD, BOARD_CARDS);
    const inManagedWallets = (await cards.find({ walletId: { $in: managed }, ...IN_A_PORTFOLIO })).map((doc) => doc._id);
    return [...new Set([...own, ...inManagedWallets])];
  }
}
