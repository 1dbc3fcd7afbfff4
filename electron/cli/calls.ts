// What task commands (import-roster, pack, finalize…) call: contract methods through dispatch in
// the command's session, so they share the window's schemas, permissions, scope checks and audit.
// Failures become AppError, which runCli prints in one line with the error kind's exit code.
import type { ContractMethod, InputOf, OutputOf } from '../../shared/api';
import type { JobStateDto } from '../../shared/api/jobs';
import { roleHas, type Permission } from '../../shared/auth/permissions';
import { AppError } from '../../shared/result';
import { dispatch } from '../core/api/dispatch';
import { grantPath } from '../core/api/handlers/desktop';
import type { Ctx } from '../core/context';
import type { CommandEnv } from './command';

export async function call<M extends ContractMethod>(
  env: CommandEnv,
  method: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const { session } = await env.session();
  const r = await dispatch(env.core(), session, method, input);
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
  return r.value as OutputOf<M>;
}

/** Starts a job method and waits for its end; returns the job's value. */
export async function callJob<T>(
  env: CommandEnv,
  method: ContractMethod,
  input: Record<string, unknown>,
  onProgress?: (s: JobStateDto) => void,
): Promise<T> {
  const started = (await call(env, method, input as never)) as JobStateDto;
  // Progress as the job reports it (the runner's pushed states), not read on a timer.
  const stop = onProgress
    ? env.core().jobs.subscribe((s) => {
        if (s.id === started.id && s.status === 'running') onProgress(s);
      })
    : undefined;
  const end = await env
    .core()
    .jobs.wait(started.id)
    .finally(() => stop?.());
  const state = end.status === 'done' ? await call(env, 'jobs.get', { jobId: started.id }) : end;
  if (state.status !== 'done')
    throw new AppError(
      (state.error?.code ?? (state.status === 'cancelled' ? 'CANCELLED' : 'INTERNAL')) as never,
      state.error?.message ?? state.message,
      state.error?.details,
    );
  return state.value as T;
}

/** A path named on the command line is the operator's choice, as a dialog's answer is in the window. */
export async function grant(env: CommandEnv, path: string): Promise<void> {
  grantPath((await env.session()).session, path);
}

/**
 * For reads a task command does itself (a printed timeline, the results table): the same guard as
 * dispatch (signed in, account enabled, role holds one of the permissions), then a context acting
 * as the session's operator.
 */
export async function readCtx(env: CommandEnv, permissions: Permission[], method: string): Promise<Ctx> {
  const { session } = await env.session();
  const core = env.core();
  const op = session.operator;
  const held = permissions.find((p) => op && roleHas(op.role, p)) ?? permissions[0];
  const gate = core.guard(session, held!, method);
  if (gate && !gate.ok) throw new AppError(gate.error.code, gate.error.message, gate.error.details);
  return core.ctx(session.operator!);
}
