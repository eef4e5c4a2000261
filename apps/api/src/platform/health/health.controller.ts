import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { HEALTH_CHECKS, HealthCheck } from './health-check';
import { HealthStatusDto } from './health-status.dto';
import { runHealthChecks } from './run-health-checks';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthStatusDto, description: 'Every check passed' })
  @ApiServiceUnavailableResponse({ type: HealthStatusDto, description: 'At least one check failed' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthStatusDto> {
    const checks = await runHealthChecks(this.checks);
    const ok = checks.every((check) => check.ok);
    reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'failing', checks };
  }
}
