import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { NOTE_MAX } from '@trilha/domain';
import { nullableRef } from '../platform/openapi/nullable';
import { NotBlank } from './not-blank';

/** POST /customers/:id/notes (T15). */
export class AddNoteDto {
  @ApiProperty({ maxLength: NOTE_MAX, description: 'The note; stored without leading and trailing white space' })
  @IsString() @NotBlank() @MaxLength(NOTE_MAX) text!: string;
}

class NoteAuthorDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional() name?: string;
}

@ApiExtraModels(NoteAuthorDto)
export class NoteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The text; "[dado removido]" once the customer was erased (T10)' }) text!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ ...nullableRef(NoteAuthorDto), description: 'Who wrote it (null for an event without an actor)' })
  author!: NoteAuthorDto | null;
}

/** GET /customers/:id/notes: newest first. */
export class CustomerNotesPageDto {
  @ApiProperty({ type: [NoteDto] }) items!: NoteDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass it as ?cursor= for the next page; null on the last page' })
  nextCursor!: string | null;
}
