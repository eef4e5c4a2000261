import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError, ProblemDetails } from '../problems/problem-details';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'origin.site', description: 'Dotted path of the field; array items by index (`phones.0`)' })
  field: string;

  @ApiProperty({ example: 'site must be a string' })
  message: string;
}

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export class ProblemDetailsDto implements ProblemDetails {
  @ApiProperty({ format: 'uri-reference', example: 'urn:trilha:problem:invalid-input' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ type: 'integer', example: 400 })
  status: number;

  @ApiProperty({ example: 'The field name is invalid.' })
  detail: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'The invalid fields (400 only)' })
  errors?: FieldErrorDto[];
}
