import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '../platform';
import { AUDITORS } from './audit-roles';
import { AuditVerificationDto } from './verification.dto';
import { VerifyAllCustomersQuery } from './verify-all-customers.query';

/** Store-wide audit checks (`trilha verify` with no customer). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Roles(...AUDITORS)
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('verify')
  @ApiOkResponse({ type: AuditVerificationDto, description: 'The integrity chain of every customer stream, recomputed in one pass over the store' })
  @ApiProblems(401, 403)
  verifyAll(): Promise<AuditVerificationDto> {
    return this.queries.execute(new VerifyAllCustomersQuery());
  }
}
