import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MANAGER_ID_MAX, WALLET_NAME_MAX } from '@trilha/domain';

const NotBlank = () => Matches(/\S/, { message: ({ property }) => `${property} must not be blank` });

/** POST /wallets (CS3). */
export class CreateWalletDto {
  @ApiProperty({ maxLength: WALLET_NAME_MAX, description: 'Unique, ignoring case', example: 'Carteira Sul' })
  @IsString() @NotBlank() @MaxLength(WALLET_NAME_MAX) name!: string;

  @ApiProperty({ maxLength: MANAGER_ID_MAX, description: 'The one success manager (a user id)', example: 'u42' })
  @IsString() @NotBlank() @MaxLength(MANAGER_ID_MAX) managerId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The journey its customers follow; may be left out' })
  @IsOptional() @IsUUID() journeyId?: string;

  @ApiPropertyOptional({ description: "Make it the manager's default wallet; their previous default stops being one", default: false })
  @IsOptional() @IsBoolean() isDefault?: boolean;
}
