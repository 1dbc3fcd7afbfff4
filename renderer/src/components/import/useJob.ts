// Follows a background job (import, template, export) through the pushed job channel, with cancel.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStateDto } from '@shared/api/jobs';
import { cancelJob, followJob } from '../../api/jobs';

export function useJob() {
  const [job, setJob] = useState<JobStateDto | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** Tracks a started job until it ends; resolves with its final state. */
  const follow = useCallback(
    (started: JobStateDto): Promise<JobStateDto> =>
      followJob(started, (s) => {
        if (mounted.current) setJob(s);
      }),
    [],
  );

  const cancel = useCallback(async () => {
    if (job && job.status === 'running') await cancelJob(job.id);
  }, [job]);

  return { job, follow, cancel, reset: () => setJob(null) };
}

export function percent(job: JobStateDto | null): number {
  if (!job || job.total <= 0) return job?.status === 'done' ? 100 : 0;
  return Math.min(100, Math.round((job.done / job.total) * 100));
}
