import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MESSAGE_TEMPLATE_BODY_MAX, MESSAGE_TEMPLATE_NAME_MAX } from '@trilha/domain';
import { NotBlank } from '../customers/not-blank';

const BODY = `The text, with placeholders written #{cliente} (GET /message-templates/placeholders); trimmed, at most ${MESSAGE_TEMPLATE_BODY_MAX} characters. An unknown placeholder is refused (400)`;

/** POST /message-templates (CAL4). */
export class CreateMessageTemplateDto {
  @ApiProperty({ maxLength: MESSAGE_TEMPLATE_NAME_MAX, description: 'Unique, ignoring case; trimmed', example: 'Retorno pós-venda' })
  @IsString() @NotBlank() @MaxLength(MESSAGE_TEMPLATE_NAME_MAX) name!: string;

  @ApiProperty({ maxLength: MESSAGE_TEMPLATE_BODY_MAX, description: BODY, example: 'Olá #{contato}, aqui é #{usuario}. Podemos conversar sobre #{cliente}?' })
  @IsString() @NotBlank() @MaxLength(MESSAGE_TEMPLATE_BODY_MAX) body!: string;
}

/** PATCH /message-templates/:id: a new name, a new body or both. */
export class ChangeMessageTemplateDto {
  @ApiPropertyOptional({ maxLength: MESSAGE_TEMPLATE_NAME_MAX, description: 'Unique, ignoring case; trimmed' })
  @IsOptional() @IsString() @NotBlank() @MaxLength(MESSAGE_TEMPLATE_NAME_MAX) name?: string;

  @ApiPropertyOptional({ maxLength: MESSAGE_TEMPLATE_BODY_MAX, description: BODY })
  @IsOptional() @IsString() @NotBlank() @MaxLength(MESSAGE_TEMPLATE_BODY_MAX) body?: string;
}

export class MessageTemplateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [String], description: 'The placeholders the body uses, without #{ }, in order of first use', example: ['contato', 'usuario', 'cliente'] })
  placeholders!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'The last change of its name or body' }) updatedAt!: string;
}

/** GET /message-templates: by name. */
export class MessageTemplatesPageDto {
  @ApiProperty({ type: [MessageTemplateDto] }) items!: MessageTemplateDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass it as ?cursor= for the next page; null on the last page' })
  nextCursor!: string | null;
}

export class PlaceholderDto {
  @ApiProperty({ example: 'cliente' }) name!: string;
  @ApiProperty({ description: 'How to write it in a message', example: '#{cliente}' }) token!: string;
  @ApiProperty() description!: string;
}

/** GET /message-templates/placeholders. */
export class PlaceholdersDto {
  @ApiProperty({ type: [PlaceholderDto] }) items!: PlaceholderDto[];
}
