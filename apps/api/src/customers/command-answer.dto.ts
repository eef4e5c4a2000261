import { ApiProperty } from '@nestjs/swagger';

/** What every command answers (API.md conventions). */
export class CommandAnswerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Stream revision after the command', example: '0' }) revision!: string;
  @ApiProperty({ description: 'Global position; pass it as ?minPosition= to read your own write', nullable: true, type: String })
  position!: string | null;
}
