import { afterEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../support/temp-core';
import { SYSTEM_OPERATOR } from '../../electron/core/context';

let t: TempCore;
afterEach(() => t?.cleanup());

describe('job runner', () => {
  it('runs a task in a worker thread with progress and returns its value', async () => {
    t = tempCore();
    const seen: number[] = [];
    const v = await t.core.jobs.run('echo', { value: { a: 1 }, steps: 30 }, SYSTEM_OPERATOR, {
      onProgress: (s) => seen.push(s.done),
    });
    expect(v).toEqual({ a: 1 });
  });

  it('cancels a running task', async () => {
    t = tempCore();
    const job = t.core.jobs.start('echo', { value: 1, steps: 2000 }, SYSTEM_OPERATOR);
    await new Promise((r) => setTimeout(r, 300));
    t.core.jobs.cancel(job.id);
    const end = await t.core.jobs.wait(job.id);
    expect(end.status).toBe('cancelled');
    expect(end.error?.code).toBe('CANCELLED');
  });
});
