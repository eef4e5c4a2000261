import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { parsePosition, type Position } from '@trilha/event-store';
import { PeriodicTask } from '@trilha/projection/periodic-task';
import { LEAD_STATUS_SCHEDULES, PENDING_SCHEDULES, type PendingScheduleDocument } from '@trilha/projections/lead-status-schedules';
import type { CommandResult } from '../commands/command-result';
import type { TrilhaConfig } from '../config/trilha-config';
import { ApplyScheduledLeadStatusChangeCommand } from '../customers/lead-status-commands';
import { CLOCK, TRILHA_CONFIG } from '../infrastructure/tokens';
import { ReadModelUnavailableException } from '../read-models/read-model-unavailable';
import { ReadModels } from '../read-models/read-models';
import { schedulerContext } from './scheduler-context';

/** Due changes read and applied at once; a fuller backlog is read again once the read model has caught up. */
export const SCHEDULER_BATCH = 100;
/** Batches per run at most: a run ends, and the next interval carries on. */
const MAX_BATCHES_PER_RUN = 20;
/** How long a run waits for the read model to drop the changes it applied before reading the next batch. */
const CATCH_UP_WAIT_MS = 5000;

export interface SchedulerRun {
  /** Due changes found. */
  due: number;
  /** Commands that appended (a change, or its cancellation when the lead already had the status). */
  appended: number;
  /** Commands refused or failed (logged; tried again on the next run while still pending). */
  failed: number;
}

/**
 * T14 "happens then": every interval, applies the scheduled lead status changes that fell due by
 * the injected clock, oldest first, as the ApplyScheduledLeadStatusChange command of a system
 * actor through the command pipeline. Safe with several api processes running it (docs/adr/0031).
 */
@Injectable()
export class LeadStatusScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LeadStatusScheduler');
  private readonly task: PeriodicTask | undefined;
  /** Said once: the projector (in split mode) has not registered the schedules read model yet. */
  private toldNotRegistered = false;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: () => Date,
    @Inject(TRILHA_CONFIG) config: TrilhaConfig,
  ) {
    if (config.schedulerIntervalMs > 0) {
      this.task = new PeriodicTask(() => this.runDue().then(() => undefined), config.schedulerIntervalMs, (error: unknown) =>
        this.logger.error(`Scheduled lead status changes: run failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }

  onApplicationBootstrap(): void {
    this.task?.start();
  }

  /** Before the stores close (they close on application shutdown): no run is left half-way. */
  async onModuleDestroy(): Promise<void> {
    await this.task?.stop();
  }

  /** One run: applies what is due now. Also what the periodic task calls. */
  async runDue(): Promise<SchedulerRun> {
    const run: SchedulerRun = { due: 0, appended: 0, failed: 0 };
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const due = await this.dueSchedules();
      run.due += due.length;
      let latest: Position | undefined;
      for (const schedule of due) {
        const result = await this.apply(schedule);
        if (result === undefined) run.failed++;
        else if (result.appended) {
          run.appended++;
          latest = result.position === null ? latest : parsePosition(result.position);
        }
      }
      if (due.length < SCHEDULER_BATCH || latest === undefined) break;
      // The read model still lists what was just applied until it has projected it.
      if (!(await this.readModels.waitFor(LEAD_STATUS_SCHEDULES, latest, CATCH_UP_WAIT_MS))) break;
    }
    return run;
  }

  private async dueSchedules(): Promise<PendingScheduleDocument[]> {
    try {
      const schedules = await this.readModels.collection<PendingScheduleDocument>(LEAD_STATUS_SCHEDULES, PENDING_SCHEDULES);
      return schedules.find({ at: { $lte: this.clock().toISOString() } }, { sort: { at: 1 }, limit: SCHEDULER_BATCH });
    } catch (error) {
      // Split mode, before the projector's first start: no schedule can be read until it has
      // registered the read model; those already scheduled are applied once it has caught up.
      if (!(error instanceof ReadModelUnavailableException)) throw error;
      if (!this.toldNotRegistered) this.logger.log(`Waiting for the projector to register ${LEAD_STATUS_SCHEDULES}; no scheduled change is applied until then`);
      this.toldNotRegistered = true;
      return [];
    }
  }

  /** The command's result, or undefined when it was refused or failed (e.g. the customer was deleted meanwhile). */
  private async apply(schedule: PendingScheduleDocument): Promise<CommandResult | undefined> {
    try {
      return await this.commandBus.execute<ApplyScheduledLeadStatusChangeCommand, CommandResult>(
        new ApplyScheduledLeadStatusChangeCommand(schedule._id, schedule.scheduleId, schedulerContext(schedule)),
      );
    } catch (error) {
      this.logger.warn(`Scheduled lead status change ${schedule.scheduleId} of customer ${schedule._id} not applied: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
