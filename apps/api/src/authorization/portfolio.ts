import { Injectable } from '@nestjs/common';
import {
  appointmentDecider,
  appointmentStreamId,
  customerDecider,
  customerJourneyDecider,
  customerJourneyStreamId,
  customerStreamId,
  followUpDecider,
  followUpStreamId,
  isOutOfPortfolios,
  walletDecider,
  walletStreamId,
} from '@trilha/domain';
import { AggregateReader } from '../commands/aggregate-reader';

/**
 * A broker's portfolio (T12), decided from the event store: the customer's own stream (their
 * responsible broker), their journey stream (the wallet they are in) and that wallet's stream (its
 * manager). Streams are consistent right after a write, unlike the read models (ADR 0016).
 */
@Injectable()
export class Portfolio {
  constructor(private readonly streams: AggregateReader) {}

  /**
   * True when the customer exists and `userId` is their responsible broker or manages their
   * wallet, unless the customer is out of every portfolio: marked as non-customer (T9) or under a
   * portfolio exception (T12).
   */
  async includes(userId: string, customerId: string): Promise<boolean> {
    const customer = await this.streams.state(customerStreamId(customerId), customerDecider);
    if (!customer.exists || isOutOfPortfolios(customer)) return false;
    if (customer.data.brokerId === userId) return true;
    const journey = await this.streams.state(customerJourneyStreamId(customerId), customerJourneyDecider);
    if (!journey.walletId) return false;
    const wallet = await this.streams.state(walletStreamId(journey.walletId), walletDecider);
    return wallet.status === 'created' && wallet.managerId === userId;
  }

  /** The customer an appointment is for, or undefined when there is no such appointment. */
  async customerOfAppointment(appointmentId: string): Promise<string | undefined> {
    const appointment = await this.streams.state(appointmentStreamId(appointmentId), appointmentDecider);
    return appointment.exists ? appointment.customerId : undefined;
  }

  /** Who registered a follow-up opportunity (CAL6): the only broker who reaches it. */
  async ownerOfFollowUp(followUpId: string): Promise<string | undefined> {
    const followUp = await this.streams.state(followUpStreamId(followUpId), followUpDecider);
    return followUp.exists ? followUp.ownerId : undefined;
  }
}
