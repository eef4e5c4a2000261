import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { COMMENT_MAX, DISINTEREST_REASON_MAX } from '@trilha/domain';
import { NotBlank } from './not-blank';

export class InformDisinterestDto {
  @ApiProperty({ maxLength: DISINTEREST_REASON_MAX, description: 'Why the customer is not interested' })
  @IsString() @NotBlank() @MaxLength(DISINTEREST_REASON_MAX) reason!: string;
}

export class AddCommentDto {
  @ApiProperty({ maxLength: COMMENT_MAX }) @IsString() @NotBlank() @MaxLength(COMMENT_MAX) text!: string;
}
