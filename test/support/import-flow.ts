// Drives an import through the real contract (dispatch → worker jobs), as the window does.
import { expect } from 'vitest';
import type { TempCore } from './temp-core';
import { dispatch } from '../../electron/core/api/dispatch';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import type { JobState } from '../../electron/core/jobs/runner';
import type { ImportPreview, ImportResult } from '../../shared/import/types';
import type { ImportKind } from '../../shared/import/columns';

export async function callOk<T>(t: TempCore, method: string, input: unknown): Promise<T> {
  const r = await dispatch(t.core, t.session, method, input);
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return (r as { ok: true; value: T }).value;
}

export async function jobEnd(t: TempCore, method: string, input: unknown): Promise<JobState> {
  const job = await callOk<JobState>(t, method, input);
  return t.core.jobs.wait(job.id);
}

export async function preview(
  t: TempCore,
  kind: ImportKind,
  path: string,
  extra: { unitId?: string; periodId?: string } = {},
): Promise<ImportPreview> {
  grantPath(t.session, path);
  const end = await jobEnd(t, 'imports.preview', { kind, path, ...extra });
  expect(end.status, JSON.stringify(end.error)).toBe('done');
  return end.value as ImportPreview;
}

export async function apply(
  t: TempCore,
  previewId: string,
  mode: 'all' | 'clean',
): Promise<JobState & { value?: ImportResult }> {
  return (await jobEnd(t, 'imports.apply', { previewId, mode })) as JobState & { value?: ImportResult };
}
