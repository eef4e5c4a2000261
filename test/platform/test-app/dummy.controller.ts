import { Body, Controller, Get, HttpCode, Inject, Logger, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import {
  Actor,
  ApiProblems,
  COMMAND_DURATION,
  CommandDurationHistogram,
  ConflictProblem,
  CorrelationId,
  CurrentActor,
  NotFoundProblem,
  Roles,
  UnprocessableProblem,
} from '../../../apps/api/src/platform';
import { DummyBodyDto } from './dummy.dto';

/** Routes that exercise the platform; no business meaning. */
@Controller('dummy')
export class DummyController {
  private readonly logger = new Logger(DummyController.name);

  constructor(@Inject(COMMAND_DURATION) private readonly commandDuration: CommandDurationHistogram) {}

  @Get('me')
  me(@CurrentActor() actor: Actor, @CorrelationId() correlationId: string) {
    return { actor, correlationId };
  }

  @Post('things')
  @HttpCode(200)
  @ApiOkResponse({ type: DummyBodyDto })
  create(@Body() body: DummyBodyDto) {
    this.logger.log('creating a thing');
    this.commandDuration.observe({ command: 'CreateThing', outcome: 'ok' }, 0.01);
    return { body, isDto: body instanceof DummyBodyDto };
  }

  @Get('admin-only')
  @Roles('admin', 'manager')
  adminOnly() {
    return { ok: true };
  }

  @Get('things/:id')
  @ApiProblems(404)
  find(@Param('id') id: string) {
    throw new NotFoundProblem(`No thing ${id}.`);
  }

  @Post('conflict')
  @ApiProblems(409)
  conflict() {
    throw new ConflictProblem('The thing changed meanwhile.');
  }

  @Post('refused')
  @ApiProblems({ status: 422, description: 'The thing cannot be done' })
  refused() {
    throw new UnprocessableProblem('Things cannot be done on Sundays.', { type: 'urn:trilha:problem:sunday' });
  }

  @Get('boom')
  boom() {
    throw new Error('database password is hunter2');
  }
}
