import type { DomainEvent } from './decider';

/** Turns the payload of version `from` into version `from + 1`. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Old event shapes are upcast on read, never rewritten (ARCHITECTURE rule 3). Each event type
 * has a current schema version; a stored event of an older version runs through the chain.
 */
export class UpcasterRegistry {
  private readonly current = new Map<string, number>();
  private readonly steps = new Map<string, Upcaster>();

  /** Declares that `type` is now at `version`; `upcast` lifts `version - 1` to `version`. */
  register(type: string, version: number, upcast: Upcaster): this {
    if (version < 2) throw new Error(`Upcaster for ${type} must target version 2 or later`);
    this.steps.set(`${type}@${version - 1}`, upcast);
    this.current.set(type, Math.max(version, this.currentVersion(type)));
    return this;
  }

  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  upcast(type: string, data: Record<string, unknown>, storedVersion = 1): DomainEvent {
    let version = storedVersion;
    let payload = data;
    while (version < this.currentVersion(type)) {
      const step = this.steps.get(`${type}@${version}`);
      if (!step) throw new Error(`No upcaster for ${type} from version ${version}`);
      payload = step(payload);
      version += 1;
    }
    return { type, data: payload };
  }
}
