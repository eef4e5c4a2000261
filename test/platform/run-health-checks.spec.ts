import { Logger } from '@nestjs/common';
import { runHealthChecks } from '../../apps/api/src/platform/health/run-health-checks';

describe('runHealthChecks', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('returns what each check answers, in order', async () => {
    const results = await runHealthChecks([() => ({ name: 'a', ok: true }), async () => ({ name: 'b', ok: false, detail: 'down' })]);
    expect(results).toEqual([{ name: 'a', ok: true }, { name: 'b', ok: false, detail: 'down' }]);
  });

  it('counts a check that throws as failed, without its message', async () => {
    const results = await runHealthChecks([
      function readStore() {
        throw new Error('ECONNREFUSED mongodb://admin:pw@db:27017');
      },
    ]);
    expect(results).toEqual([{ name: 'readStore', ok: false, detail: 'the check failed with an error' }]);
  });

  it('counts a check that never answers as failed', async () => {
    const results = await runHealthChecks([() => new Promise(() => {})], 20);
    expect(results).toEqual([{ name: 'check-1', ok: false, detail: 'no answer within 20 ms' }]);
  });
});
