import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProjectionNotStartedError, UnknownProjectionError, type ProjectionControl } from '@trilha/projection';
import { PROJECTION_CONTROL } from '../infrastructure/infrastructure.module';
import { ApiProblems, NotFoundProblem, ProblemException } from '../platform';
import { projectionView } from './projection-view';
import { ProjectionListDto, RebuildAcceptedDto, RestartAcceptedDto } from './projections.dto';

/**
 * P5: projection status, lag and events/s; blue/green rebuild. Works whether the projections run
 * in this process or in a projector process (see ProjectionControl).
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/projections')
export class ProjectionsController {
  constructor(@Inject(PROJECTION_CONTROL) private readonly control: ProjectionControl) {}

  @Get()
  @ApiOkResponse({ type: ProjectionListDto })
  @ApiProblems(401, 403)
  async list(): Promise<ProjectionListDto> {
    return { projections: (await this.control.list()).map(projectionView) };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RebuildAcceptedDto, description: 'The new generation is being built (or will be, by the projector); the current one serves until it has caught up' })
  @ApiProblems(401, 403, 404, 503)
  async rebuild(@Param('name') name: string): Promise<RebuildAcceptedDto> {
    try {
      return { name, version: await this.control.requestRebuild(name) };
    } catch (error) {
      throw asProblem(error);
    }
  }

  @Post(':name/restart')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: RestartAcceptedDto,
    description: 'The projection restarts from its checkpoint (at once, or on the projector\'s next round); a failed one resumes at the event it failed on',
  })
  @ApiProblems(401, 403, 404, 503)
  async restart(@Param('name') name: string): Promise<RestartAcceptedDto> {
    try {
      await this.control.requestRestart(name);
      return { name };
    } catch (error) {
      throw asProblem(error);
    }
  }
}

function asProblem(error: unknown): unknown {
  if (error instanceof UnknownProjectionError) return new NotFoundProblem(error.message);
  if (error instanceof ProjectionNotStartedError) return new ProblemException({ status: 503, detail: error.message });
  return error;
}
