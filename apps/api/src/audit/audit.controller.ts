import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../platform';
import { AuditVerificationDto } from './verification.dto';
import { VerifyEventLogQuery } from './verify-event-log.query';

/** Store-wide audit checks (`trilha verify` with no customer). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@ApiProblems(403) // who may call it: ACCESS_MATRIX (authorization/access-matrix.ts)
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('verify')
  @ApiOkResponse({ type: AuditVerificationDto, description: 'The integrity chain of every stream, recomputed in one pass over the store' })
  @ApiProblems(401, 403)
  verifyAll(): Promise<AuditVerificationDto> {
    return this.queries.execute(new VerifyEventLogQuery());
  }
}
