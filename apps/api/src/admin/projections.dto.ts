import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class ProjectionFailureDto {
  @ApiProperty({ nullable: true, type: String }) eventId!: string | null;
  @ApiProperty({ nullable: true, type: String }) position!: string | null;
  @ApiProperty({ nullable: true, type: String }) type!: string | null;
  @ApiProperty() error!: string;
}

class RebuildingDto {
  @ApiProperty() generation!: number;
  @ApiProperty({ enum: ['running', 'catching-up', 'failed', 'stopped'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) checkpoint!: string | null;
  @ApiProperty() lag!: number;
  @ApiProperty() eventsPerSecond!: number;
  @ApiPropertyOptional({ type: ProjectionFailureDto }) failure?: ProjectionFailureDto;
}

export class ProjectionInfoDto {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Active generation: the one queries read' }) version!: number;
  @ApiProperty({ description: 'Code version of the handler that built it' }) codeVersion!: number;
  @ApiProperty({
    enum: ['running', 'catching-up', 'rebuilding', 'failed', 'stopped'],
    description: 'failed: the serving generation stopped on an error; rebuilding: a next generation is being built (see rebuilding); else the serving generation\'s status',
  })
  status!: string;
  @ApiProperty({ nullable: true, type: String }) checkpoint!: string | null;
  @ApiProperty({ description: 'Events between the checkpoint and the head of the store' }) lag!: number;
  @ApiProperty() eventsPerSecond!: number;
  @ApiProperty({ nullable: true, type: String, description: 'The error that stopped the serving generation or the rebuild, if one did' })
  lastError!: string | null;
  @ApiPropertyOptional({ type: ProjectionFailureDto }) failure?: ProjectionFailureDto;
  @ApiPropertyOptional({ type: RebuildingDto }) rebuilding?: RebuildingDto;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Only when the projections run in another process: when their status was last published (null: never). Older than a few seconds, the status reads stopped.',
  })
  heartbeatAt?: string | null;
  @ApiPropertyOptional({ description: 'Only when the projections run in another process: a requested rebuild the projector has not started yet' })
  rebuildRequested?: number;
}

export class ProjectionListDto {
  @ApiProperty({ type: [ProjectionInfoDto] }) projections!: ProjectionInfoDto[];
}

export class RebuildAcceptedDto {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The generation that will replace the active one' }) version!: number;
}

export class RestartAcceptedDto {
  @ApiProperty() name!: string;
}
