import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { CommandGateway } from '../commands/command-gateway';
import { ApiProblems } from '../platform';
import type { DefinedJourney } from './define-journey.handler';
import { DefineJourneyCommand } from './define-journey.command';
import { DefineJourneyDto } from './define-journey.dto';
import { JourneyAnswerDto } from './journey-answer.dto';

@ApiTags('journeys')
@ApiBearerAuth()
@Controller('journeys')
export class JourneysController {
  constructor(private readonly commands: CommandGateway) {}

  /** Seed 002: configuring journeys needs the administrator profile. */
  @Post()
  @HttpCode(201)
  @ApiProblems(403) // who may call it: ACCESS_MATRIX (authorization/access-matrix.ts)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat it to retry safely: the command runs once' })
  @ApiCreatedResponse({ type: JourneyAnswerDto, description: 'Defined (CS2); step and milestone ids derive from the command id' })
  @ApiProblems(409)
  async define(@Body() body: DefineJourneyDto, @CommandCtx() context: CommandContext): Promise<JourneyAnswerDto> {
    const { id, revision, position, steps } = (await this.commands.execute(new DefineJourneyCommand(body, context))) as DefinedJourney;
    return { id, revision, position, steps };
  }
}
