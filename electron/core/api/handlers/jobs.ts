import type { Handler } from '../handler';

// A job belongs to the operator who started it: another operator's id answers as unknown.
export const jobsHandlers: { 'jobs.get': Handler<'jobs.get'>; 'jobs.cancel': Handler<'jobs.cancel'> } = {
  'jobs.get': (ctx, { jobId }, _s, core) => core.jobs.get(jobId, ctx.operator.id),
  'jobs.cancel': (ctx, { jobId }, _s, core) => core.jobs.cancel(jobId, undefined, ctx.operator.id),
};
