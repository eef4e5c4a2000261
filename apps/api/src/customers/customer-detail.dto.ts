import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LeadOriginDto } from './register-customer.dto';

class ActorRefDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional() name?: string;
}

/** GET /customers/:id: the customer detail read model. */
export class CustomerDetailDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) phones!: string[];
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() whatsapp?: string;
  @ApiPropertyOptional() media?: string;
  @ApiPropertyOptional() channel?: string;
  @ApiPropertyOptional() brokerId?: string;
  @ApiPropertyOptional() objective?: string;
  @ApiPropertyOptional({ enum: ['cold', 'warm', 'hot'] }) temperature?: string;
  @ApiPropertyOptional() productOfInterestId?: string;
  @ApiPropertyOptional({ type: LeadOriginDto }) origin?: LeadOriginDto;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiPropertyOptional({ type: ActorRefDto }) registeredBy?: ActorRefDto;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ description: 'Stream revision of the last event applied' }) revision!: string;
  @ApiProperty({ description: 'Global position of the last event applied' }) position!: string;
}
