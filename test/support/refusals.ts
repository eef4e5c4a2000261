import { positionToString, type EventStore } from '@trilha/event-store';

interface ProblemAnswer {
  status: number;
  headers: Record<string, string>;
  body: { errors?: Array<{ field: string }>; detail?: string };
}

/**
 * `refused(send, status, field?)`: the request answers `status` as problem+json naming `field`
 * (in `errors` for a 400 or a 422, and in the detail for any status but 400), and nothing is
 * appended anywhere in the store.
 */
export function refusalsOn(eventStore: () => EventStore) {
  const head = async () => {
    const position = await eventStore().headPosition();
    return position ? positionToString(position) : null;
  };
  return async function refused(send: () => PromiseLike<ProblemAnswer>, status: number, field?: string): Promise<ProblemAnswer['body']> {
    const before = await head();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (field && (status === 400 || status === 422)) expect(res.body.errors?.map((e) => e.field)).toContain(field);
    if (field && status !== 400) expect(res.body.detail).toContain(field);
    expect(await head()).toBe(before);
    return res.body;
  };
}
