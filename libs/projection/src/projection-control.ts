import type { ProjectionHost, ProjectionInfo } from './projection-host';

/**
 * What an operator can see and do with the projections, wherever they run: in this process
 * (HostProjectionControl) or in a projector process reached through the read store
 * (StoredProjectionControl).
 */
export interface ProjectionControl {
  list(): Promise<ProjectionInfo[]>;
  /**
   * Starts a rebuild, or returns the one already asked for or under way: the generation that
   * will replace the active one.
   */
  requestRebuild(name: string): Promise<number>;
  /**
   * Restarts the projection's runners from their checkpoints, e.g. once the cause of a failure
   * is fixed. A projection that did not fail just resumes where it was.
   */
  requestRestart(name: string): Promise<void>;
}

export class UnknownProjectionError extends Error {
  constructor(readonly projection: string) {
    super(`There is no projection named ${projection}`);
    this.name = 'UnknownProjectionError';
  }
}

/** The projection exists in code but its projector has never started it: nothing to rebuild yet. */
export class ProjectionNotStartedError extends Error {
  constructor(readonly projection: string) {
    super(`Projection ${projection} has not been started by a projector yet`);
    this.name = 'ProjectionNotStartedError';
  }
}

/** The projections run in this process: ask the host. */
export class HostProjectionControl implements ProjectionControl {
  constructor(private readonly host: ProjectionHost) {}

  list(): Promise<ProjectionInfo[]> {
    return this.host.list();
  }

  async requestRebuild(name: string): Promise<number> {
    if (!this.host.projectionNames().includes(name)) throw new UnknownProjectionError(name);
    return (await this.host.rebuild(name)).generation;
  }

  async requestRestart(name: string): Promise<void> {
    if (!this.host.projectionNames().includes(name)) throw new UnknownProjectionError(name);
    await this.host.restart(name);
  }
}
