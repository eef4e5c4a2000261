import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEAD_STATUSES, NON_CUSTOMER_KINDS, PORTFOLIO_EXCEPTIONS, RATING_MAX, RATING_MIN, TEMPERATURES } from '@trilha/domain';
import { MarkerDto } from '../markers/marker.dto';
import { nullableRef } from '../platform/openapi/nullable';
import { CustomerDataDto } from './customer-data.dto';
import { LeadOriginDto } from './register-customer.dto';

class ActorRefDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional() name?: string;
}

class ProposalDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() productId!: string;
  @ApiProperty({ description: 'Decimal with two places', example: '1500.50' }) amount!: string;
  @ApiProperty({ description: 'The same amount in cents', example: 150050 }) amountCents!: number;
  @ApiPropertyOptional() notes?: string;
  @ApiProperty({ enum: ['open', 'sold'] }) status!: 'open' | 'sold';
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) soldAt?: string;
}

class ScheduledLeadStatusDto {
  @ApiProperty({ enum: LEAD_STATUSES }) to!: string;
  @ApiProperty({ format: 'date-time', description: 'When the change happens (UTC)' }) at!: string;
}

class DisinterestDto {
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional({ type: ActorRefDto }) by?: ActorRefDto;
}

class NonCustomerDto {
  @ApiProperty({ enum: NON_CUSTOMER_KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why; null when none was given; "[dado removido]" once the customer was erased (T10)' }) note!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When it was marked; a later change of kind or note keeps it' }) since!: string;
  @ApiPropertyOptional({ type: ActorRefDto, description: 'Who marked it' }) by?: ActorRefDto;
}

class PortfolioExceptionDto {
  @ApiProperty({ enum: PORTFOLIO_EXCEPTIONS }) exception!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was set' }) since!: string;
  @ApiPropertyOptional({ type: ActorRefDto, description: 'Who set it' }) by?: ActorRefDto;
}

/** GET /customers/:id: the customer detail read model. */
@ApiExtraModels(MarkerDto, ScheduledLeadStatusDto, NonCustomerDto)
export class CustomerDetailDto extends CustomerDataDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional() objective?: string;
  @ApiPropertyOptional({ enum: TEMPERATURES }) temperature?: string;
  @ApiPropertyOptional({ example: 'research' }) moment?: string;
  @ApiPropertyOptional() subMoment?: string;
  @ApiPropertyOptional() productOfInterestId?: string;
  @ApiProperty({ type: 'integer', minimum: RATING_MIN, maximum: RATING_MAX, nullable: true, description: 'T13: the lead’s rating in stars, 0 to 5; null until first rated' })
  rating!: number | null;
  @ApiProperty({ enum: LEAD_STATUSES, description: 'T14: new, in progress (a proposal was made), sale, no sale (disinterest)' }) leadStatus!: string;
  @ApiProperty({ ...nullableRef(ScheduledLeadStatusDto), description: 'T14: the scheduled change of the lead status still pending; null when none is' })
  scheduledLeadStatus!: ScheduledLeadStatusDto | null;
  @ApiProperty({ type: [ProposalDto], description: 'Oldest first' }) proposals!: ProposalDto[];
  @ApiPropertyOptional({ type: DisinterestDto, description: 'The latest disinterest informed (T8)' }) disinterest?: DisinterestDto;
  @ApiPropertyOptional({ type: LeadOriginDto }) origin?: LeadOriginDto;
  @ApiProperty({ ...nullableRef(MarkerDto), description: 'CS6: the customer’s marker; null when none is set or theirs was deleted' })
  marker!: MarkerDto | null;
  @ApiProperty({ ...nullableRef(NonCustomerDto), description: 'T9: marked as not a customer (in no broker’s portfolio); null while it is one' })
  nonCustomer!: NonCustomerDto | null;
  @ApiProperty({ type: [PortfolioExceptionDto], description: 'T12: the portfolio exceptions that hold, oldest first; while any does, the customer is in no broker’s portfolio' })
  portfolioExceptions!: PortfolioExceptionDto[];
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiPropertyOptional({ type: ActorRefDto }) registeredBy?: ActorRefDto;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'Stream revision of the last event applied' }) revision!: string;
  @ApiProperty({ description: 'Global position of the last event applied' }) position!: string;
}
