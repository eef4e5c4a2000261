import { PeriodicTask } from '../src/periodic-task';
import { eventually } from './support/eventually';

/** A task whose runs end only when the test lets them. */
function gatedTask() {
  const releases: Array<() => void> = [];
  let runs = 0;
  return {
    run: () => {
      runs++;
      return new Promise<void>((resolve) => releases.push(resolve));
    },
    runs: () => runs,
    releaseAll: () => releases.splice(0).forEach((release) => release()),
  };
}

describe('PeriodicTask', () => {
  // The interval never elapses in these tests: only start and pokes cause runs.
  const LONG = 60_000;

  it('runs at start, and once more after pokes that arrive during a run, never two at once', async () => {
    const task = gatedTask();
    const errors: unknown[] = [];
    const periodic = new PeriodicTask(task.run, LONG, (error) => errors.push(error));
    periodic.start();
    await eventually(async () => task.runs(), (n) => n === 1);

    periodic.poke();
    periodic.poke();
    expect(task.runs()).toBe(1);
    task.releaseAll();
    await eventually(async () => task.runs(), (n) => n === 2);
    task.releaseAll();
    // Two pokes asked for one more run, not two: a later poke makes the third.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(task.runs()).toBe(2);
    periodic.poke();
    await eventually(async () => task.runs(), (n) => n === 3);
    task.releaseAll();

    await periodic.stop();
    periodic.poke();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(task.runs()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('stop waits for the run in progress, and a failing run is reported without ending the loop', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    let finished = false;
    const periodic = new PeriodicTask(
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        await new Promise((resolve) => setTimeout(resolve, 5));
        finished = true;
      },
      LONG,
      (e) => errors.push(e),
    );
    periodic.start();
    await eventually(async () => errors.length, (n) => n === 1);
    periodic.poke();
    await eventually(async () => calls, (n) => n === 2);
    await periodic.stop();
    expect(finished).toBe(true);
    expect((errors[0] as Error).message).toBe('boom');
  });
});
