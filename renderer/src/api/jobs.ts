// The renderer's side of the one pushed job channel: every job's state arrives as it changes
// (window.jobs, from the preload or the e2e harness), and each screen follows its job from here.
// No screen polls: one jobs.get when following starts covers a state pushed before it listened.
import type { JobStateDto } from '@shared/api/jobs';
import { call } from './client';

declare global {
  interface Window {
    jobs?: { subscribe(fn: (state: JobStateDto) => void): () => void };
  }
}

const KEEP = 50;
const latest = new Map<string, JobStateDto>();
const listeners = new Map<string, Set<(s: JobStateDto) => void>>();
let subscribed = false;

function receive(s: JobStateDto): void {
  latest.delete(s.id);
  latest.set(s.id, s);
  // Only recent jobs are remembered: a long session must not keep every finished job's value.
  while (latest.size > KEEP) latest.delete(latest.keys().next().value!);
  for (const fn of listeners.get(s.id) ?? []) fn(s);
}

/** Starts listening (once, at start-up, so states pushed before a screen follows are kept). */
export function listenForJobs(): void {
  if (subscribed || !window.jobs) return;
  subscribed = true;
  window.jobs.subscribe(receive);
}

/** Later states never go back: a read that crossed a push in flight is ignored. */
function isNewer(next: JobStateDto, prev: JobStateDto | undefined): boolean {
  if (!prev) return true;
  if (prev.status !== 'running') return false;
  return next.status !== 'running' || next.done >= prev.done;
}

/**
 * Follows a started job until it ends: onChange gets each state (progress, the end), and the promise
 * resolves with the final state (done, failed or cancelled).
 */
export function followJob(started: JobStateDto, onChange?: (s: JobStateDto) => void): Promise<JobStateDto> {
  listenForJobs();
  return new Promise((resolve) => {
    let last: JobStateDto | undefined;
    const set = listeners.get(started.id) ?? new Set();
    listeners.set(started.id, set);
    const handle = (s: JobStateDto) => {
      if (!isNewer(s, last)) return;
      last = s;
      onChange?.(s);
      if (s.status !== 'running') {
        set.delete(handle);
        if (!set.size) listeners.delete(started.id);
        resolve(s);
      }
    };
    set.add(handle);
    handle(latest.get(started.id) ?? started);
    if (last?.status !== 'running') return;
    void call('jobs.get', { jobId: started.id }).then(handle, (e: unknown) =>
      handle({
        ...started,
        status: 'failed',
        error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) },
      }),
    );
  });
}

/** Asks a running job to stop; its end arrives on the channel like any other state. */
export async function cancelJob(jobId: string): Promise<void> {
  await call('jobs.cancel', { jobId }).catch(() => undefined);
}
