import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CONTACT_EMAIL_MAX, CONTACT_NAME_MAX, CONTACT_PHONE_MAX, CONTACT_PHONES_MAX, CONTACT_ROLE_MAX } from '@trilha/domain';
import { NotBlank } from '../customers/not-blank';

/** `null` clears an optional field; an absent field is left as it is. */
const unlessNull = ValidateIf((_o, value) => value !== null && value !== undefined);
/** Present means given: `null` is refused. */
const ifPresent = ValidateIf((_o, value) => value !== undefined);

const PRIMARY = 'The customer’s primary contact: at most one; making this one primary unsets the former one';

/** POST /customers/:id/contacts (CS13). Texts are stored trimmed; phones and email are checked as the customer’s own. */
export class AddContactDto {
  @ApiProperty({ minLength: 1, maxLength: CONTACT_NAME_MAX, example: 'Joana Lima' })
  @IsString() @NotBlank() @MaxLength(CONTACT_NAME_MAX) name!: string;

  @ApiPropertyOptional({ maxLength: CONTACT_ROLE_MAX, description: 'Role or position at the company', example: 'Gerente de compras' })
  @IsOptional() @IsString() @MaxLength(CONTACT_ROLE_MAX) role?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: CONTACT_EMAIL_MAX, example: 'joana@paoquente.com.br' })
  @IsOptional() @IsEmail() @MaxLength(CONTACT_EMAIL_MAX) email?: string;

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', maxLength: CONTACT_PHONE_MAX }, maxItems: CONTACT_PHONES_MAX, example: ['+55 11 3333-0000'] })
  @IsOptional() @IsArray() @ArrayMaxSize(CONTACT_PHONES_MAX) @IsString({ each: true }) @MaxLength(CONTACT_PHONE_MAX, { each: true }) phones?: string[];

  @ApiPropertyOptional({ maxLength: CONTACT_PHONE_MAX, example: '+55 11 98888-0000' })
  @IsOptional() @IsString() @MaxLength(CONTACT_PHONE_MAX) whatsapp?: string;

  @ApiPropertyOptional({ description: PRIMARY, default: false }) @IsOptional() @IsBoolean() primary?: boolean;
}

/** PATCH /customers/:id/contacts/:contactId: any of the fields. */
export class EditContactDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: CONTACT_NAME_MAX })
  @ifPresent @IsString() @NotBlank() @MaxLength(CONTACT_NAME_MAX) name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CONTACT_ROLE_MAX }) @unlessNull @IsString() @MaxLength(CONTACT_ROLE_MAX) role?: string | null;
  @ApiPropertyOptional({ type: String, format: 'email', nullable: true, maxLength: CONTACT_EMAIL_MAX }) @unlessNull @IsEmail() @MaxLength(CONTACT_EMAIL_MAX) email?: string | null;

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', maxLength: CONTACT_PHONE_MAX }, nullable: true, maxItems: CONTACT_PHONES_MAX })
  @unlessNull @IsArray() @ArrayMaxSize(CONTACT_PHONES_MAX) @IsString({ each: true }) @MaxLength(CONTACT_PHONE_MAX, { each: true }) phones?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: CONTACT_PHONE_MAX }) @unlessNull @IsString() @MaxLength(CONTACT_PHONE_MAX) whatsapp?: string | null;

  @ApiPropertyOptional({ description: `${PRIMARY}; false on the primary contact leaves the customer without one` })
  @ifPresent @IsBoolean() primary?: boolean;
}

export class ContactDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The name; "[dado removido]" once the customer was erased (T10), as every text below' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) role!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: [String], description: 'Empty once the customer was erased' }) phones!: string[];
  @ApiProperty({ type: String, nullable: true }) whatsapp!: string | null;
  @ApiProperty() primary!: boolean;
  @ApiProperty({ format: 'date-time' }) addedAt!: string;
}

/** GET /customers/:id/contacts: the primary contact first, then the others in the order they were added. */
export class CustomerContactsPageDto {
  @ApiProperty({ type: [ContactDto] }) items!: ContactDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass it as ?cursor= for the next page; null on the last page' })
  nextCursor!: string | null;
}
