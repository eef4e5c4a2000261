import { EventRateMeter, positionLag } from '@trilha/projection';

describe('EventRateMeter', () => {
  it('averages the events recorded within the window', () => {
    let now = 0;
    const meter = new EventRateMeter(10_000, () => now);
    now = 10_000;
    meter.record(500);
    now = 15_000;
    meter.record(1500);
    expect(meter.perSecond()).toBe(200);
  });

  it('forgets events older than the window', () => {
    let now = 0;
    const meter = new EventRateMeter(10_000, () => now);
    meter.record(1000);
    now = 12_000;
    meter.record(100);
    expect(meter.perSecond()).toBe(10);
    now = 30_000;
    expect(meter.perSecond()).toBe(0);
  });

  it('does not inflate the rate in the first second', () => {
    let now = 0;
    const meter = new EventRateMeter(10_000, () => now);
    now = 100;
    meter.record(50);
    expect(meter.perSecond()).toBe(50);
  });
});

describe('positionLag', () => {
  const at = (n: bigint) => ({ commit: n, prepare: n });

  it('is the distance from the checkpoint to the head, or to the start without a checkpoint', () => {
    expect(positionLag(at(120n), at(100n))).toBe(20);
    expect(positionLag(at(7n), undefined)).toBe(7);
  });

  it('is 0 without a head or when the checkpoint is at or past it', () => {
    expect(positionLag(undefined, at(3n))).toBe(0);
    expect(positionLag(at(5n), at(5n))).toBe(0);
    expect(positionLag(at(5n), at(9n))).toBe(0);
  });
});
