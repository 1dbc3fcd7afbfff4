// Follows a background job (import, template, export) by polling jobs.get, with cancel.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStateDto } from '@shared/api/jobs';
import { call } from '../../api/client';

export function useJob() {
  const [job, setJob] = useState<JobStateDto | null>(null);
  const timer = useRef<number | null>(null);
  const waiters = useRef<((s: JobStateDto) => void)[]>([]);

  const stop = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);

  /** Tracks a started job until it ends; resolves with its final state. */
  const follow = useCallback((started: JobStateDto): Promise<JobStateDto> => {
    stop();
    setJob(started);
    return new Promise((resolve) => {
      waiters.current.push(resolve);
      const poll = async () => {
        let s: JobStateDto;
        try {
          s = await call('jobs.get', { jobId: started.id });
        } catch (e) {
          s = {
            ...started,
            status: 'failed',
            error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) },
          };
        }
        setJob(s);
        if (s.status === 'running') timer.current = window.setTimeout(() => void poll(), 250);
        else {
          const ws = waiters.current.splice(0);
          ws.forEach((w) => w(s));
        }
      };
      timer.current = window.setTimeout(() => void poll(), 150);
    });
  }, []);

  const cancel = useCallback(async () => {
    if (job && job.status === 'running') await call('jobs.cancel', { jobId: job.id }).catch(() => undefined);
  }, [job]);

  return { job, follow, cancel, reset: () => setJob(null) };
}

export function percent(job: JobStateDto | null): number {
  if (!job || job.total <= 0) return job?.status === 'done' ? 100 : 0;
  return Math.min(100, Math.round((job.done / job.total) * 100));
}
