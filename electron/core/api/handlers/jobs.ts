import type { Handler } from '../handler';

export const jobsHandlers: { 'jobs.get': Handler<'jobs.get'>; 'jobs.cancel': Handler<'jobs.cancel'> } = {
  'jobs.get': (_ctx, { jobId }, _s, core) => core.jobs.get(jobId),
  'jobs.cancel': (_ctx, { jobId }, _s, core) => core.jobs.cancel(jobId),
};
