import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MinPositionQueryDto } from '../read-models/min-position.query';

/** `GET /wallets?managerId=&limit=&cursor=&minPosition=` */
export class ListWalletsQueryDto extends MinPositionQueryDto {
  @ApiPropertyOptional({ description: "Only this manager's wallets", maxLength: 128 })
  @IsOptional() @IsString() @MaxLength(128) managerId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;

  @ApiPropertyOptional({ maxLength: 2048, description: 'The nextCursor of an earlier page' })
  @IsOptional() @IsString() @MaxLength(2048) cursor?: string;
}

export class WalletSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() managerId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) journeyId?: string;
  @ApiProperty({ description: "The manager's default wallet (at most one per manager)" }) isDefault!: boolean;
}

export class WalletListDto {
  @ApiProperty({ type: [WalletSummaryDto] }) items!: WalletSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass it as ?cursor= for the next page; null on the last page' })
  nextCursor!: string | null;
}
