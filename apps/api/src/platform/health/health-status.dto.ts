import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthCheckResultDto {
  @ApiProperty({ example: 'event-store' }) name: string;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional() detail?: string;
}

export class HealthStatusDto {
  @ApiProperty({ enum: ['ok', 'failing'] }) status: 'ok' | 'failing';
  @ApiProperty({ type: [HealthCheckResultDto] }) checks: HealthCheckResultDto[];
}
