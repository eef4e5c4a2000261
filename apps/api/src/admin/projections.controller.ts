import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ProjectionHost } from '@trilha/projection';
import { PROJECTION_HOST } from '../infrastructure/infrastructure.module';
import { ApiProblems, NotFoundProblem, ProblemException, Roles } from '../platform';
import { ProjectionListDto, RebuildAcceptedDto } from './projections.dto';

/** P5: projection status, lag and events/s; blue/green rebuild. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/projections')
export class ProjectionsController {
  constructor(@Inject(PROJECTION_HOST) private readonly host: ProjectionHost | null) {}

  @Get()
  @Roles('admin', 'auditor')
  @ApiOkResponse({ type: ProjectionListDto })
  @ApiProblems(401, 403, 503)
  async list(): Promise<ProjectionListDto> {
    return { projections: await this.running().list() };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @Roles('admin')
  @ApiAcceptedResponse({ type: RebuildAcceptedDto, description: 'The new generation is being built; the current one serves until it has caught up' })
  @ApiProblems(401, 403, 404, 503)
  async rebuild(@Param('name') name: string): Promise<RebuildAcceptedDto> {
    const host = this.running();
    if (!(await host.list()).some((p) => p.name === name)) throw new NotFoundProblem(`There is no projection named ${name}`);
    const progress = await host.rebuild(name);
    return { name, version: progress.generation };
  }

  private running(): ProjectionHost {
    if (!this.host) throw new ProblemException({ status: 503, detail: 'Projections run in the projector process, not in this api instance' });
    return this.host;
  }
}
