import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEAD_STATUSES, NON_CUSTOMER_KINDS, PORTFOLIO_EXCEPTIONS, TEMPERATURES } from '@trilha/domain';
import { CustomerDataDto } from '../customers/customer-data.dto';

class StateMomentDto {
  @ApiProperty() moment!: string;
  @ApiPropertyOptional() subMoment?: string;
}

class StateNonCustomerDto {
  @ApiProperty({ enum: NON_CUSTOMER_KINDS }) kind!: string;
  @ApiPropertyOptional() note?: string;
}

class StateProposalDto {
  @ApiProperty() productId!: string;
  @ApiProperty() amountCents!: number;
  @ApiProperty({ enum: ['open', 'sold'] }) status!: string;
}

/** The customer aggregate's state (libs/domain/src/customer/state.ts) as the command side folds it. */
export class CustomerAggregateStateDto {
  @ApiProperty({ enum: [true], description: 'Always true here: a customer that did not exist yet answers 404' }) exists!: true;
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ type: CustomerDataDto }) data!: CustomerDataDto;
  @ApiPropertyOptional() objective?: string;
  @ApiPropertyOptional({ enum: TEMPERATURES }) temperature?: string;
  @ApiProperty({ enum: TEMPERATURES, isArray: true, description: 'What a temperature revert goes back to, most recent last' }) earlierTemperatures!: string[];
  @ApiPropertyOptional({ type: StateMomentDto }) moment?: StateMomentDto;
  @ApiPropertyOptional() productOfInterestId?: string;
  @ApiProperty({ enum: LEAD_STATUSES }) leadStatus!: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/StateProposalDto' }, description: 'By proposal id' })
  proposals!: Record<string, StateProposalDto>;
  @ApiPropertyOptional() disinterestReason?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'CS6: the marker set on the customer (it may have been deleted from the catalogue since)' }) markerId?: string;
  @ApiPropertyOptional({ type: StateNonCustomerDto, description: 'T9: marked as not a customer' }) nonCustomer?: StateNonCustomerDto;
  @ApiPropertyOptional({ enum: PORTFOLIO_EXCEPTIONS, isArray: true, description: 'T12: the portfolio exceptions that hold' }) portfolioExceptions?: string[];
}

/** GET /customers/:id/state: the aggregate as of an instant or a revision (P4). */
export class CustomerStateDto {
  @ApiProperty({ description: 'Revision of the last event folded, a decimal string', example: '3' }) revision!: string;
  @ApiProperty({ format: 'date-time', description: 'The instant asked for, or when the event at the asked revision occurred' }) asOf!: string;
  @ApiProperty({ type: CustomerAggregateStateDto }) state!: CustomerAggregateStateDto;
}

export const STATE_EXTRA_MODELS = [StateProposalDto];
