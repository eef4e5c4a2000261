import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { MARKER_EMOJI_MAX_LENGTH, MARKER_NAME_MAX, SINGLE_EMOJI } from '@trilha/domain';
import { NotBlank } from '../customers/not-blank';

const OneEmoji = () => Matches(SINGLE_EMOJI, { message: ({ property }) => `${property} must be exactly one emoji` });
const NAME = { maxLength: MARKER_NAME_MAX, description: 'Any characters; unique among the markers, ignoring case', example: 'Cliente VIP' };
const EMOJI = { maxLength: MARKER_EMOJI_MAX_LENGTH, description: 'Exactly one emoji (RGI emoji: flags, skin tones and ZWJ sequences count as one)', example: '⭐' };

/** POST /markers (CS6). */
export class CreateMarkerDto {
  @ApiProperty(NAME)
  @IsString() @NotBlank() @MaxLength(MARKER_NAME_MAX) name!: string;

  @ApiProperty(EMOJI)
  @IsString() @MaxLength(MARKER_EMOJI_MAX_LENGTH) @OneEmoji() emoji!: string;
}

/** PATCH /markers/:id: rename, change the emoji, or both. */
export class ChangeMarkerDto {
  @ApiPropertyOptional(NAME)
  @IsOptional() @IsString() @NotBlank() @MaxLength(MARKER_NAME_MAX) name?: string;

  @ApiPropertyOptional(EMOJI)
  @IsOptional() @IsString() @MaxLength(MARKER_EMOJI_MAX_LENGTH) @OneEmoji() emoji?: string;
}

/** PUT /customers/:id/marker. */
export class SetCustomerMarkerDto {
  @ApiProperty({ format: 'uuid', description: 'A marker of GET /markers; it replaces the marker the customer had' })
  @IsUUID() markerId!: string;
}

export class MarkerDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Cliente VIP' }) name!: string;
  @ApiProperty({ example: '⭐' }) emoji!: string;
}

/** GET /markers: every marker of the catalogue (at most 15), by name. */
export class MarkerListDto {
  @ApiProperty({ type: [MarkerDto] }) items!: MarkerDto[];
}
