import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The customer's contact data as answered by the detail and by the auditor's state. */
export class CustomerDataDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) phones!: string[];
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() whatsapp?: string;
  @ApiPropertyOptional() media?: string;
  @ApiPropertyOptional() channel?: string;
  @ApiPropertyOptional() brokerId?: string;
}
