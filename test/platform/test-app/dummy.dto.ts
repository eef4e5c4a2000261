import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';

export class DummyOriginDto {
  @ApiProperty() @IsString() @IsNotEmpty() site: string;
}

export class DummyBodyDto {
  @ApiProperty() @IsString() @IsNotEmpty() name: string;

  @ApiProperty({ type: DummyOriginDto })
  @ValidateNested() @Type(() => DummyOriginDto) origin: DummyOriginDto;

  @ApiProperty({ type: [String] })
  @IsString({ each: true }) @MaxLength(20, { each: true }) phones: string[];

  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @IsInt() @Min(0) count?: number;
}
