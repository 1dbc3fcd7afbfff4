// Long work runs as a job in a worker thread; every change of its state is pushed on one channel
// (JOB_CHANNEL over IPC, server-sent events in the e2e harness). jobs.get reads it once, jobs.cancel stops it.
import { z } from 'zod';
import { method } from './contract';

export const jobState = z.object({
  id: z.string(),
  task: z.string(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number(),
  total: z.number(),
  message: z.string(),
  startedAt: z.string(),
  value: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
});
export type JobStateDto = z.infer<typeof jobState>;

const jobRef = z.strictObject({ jobId: z.string().min(1).max(64) });

export const jobsMethods = {
  'jobs.get': method({ summary: '查询后台任务进度', permission: 'session', input: jobRef, output: jobState }),
  'jobs.cancel': method({ summary: '取消后台任务', permission: 'session', input: jobRef, output: jobState }),
};
