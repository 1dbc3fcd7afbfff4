// Drives 数据交换包 through the real contract (dispatch → worker jobs) between two real stores.
import { expect } from 'vitest';
import type { TempCore } from './temp-core';
import { callOk, jobEnd } from './import-flow';
import { grantPath } from '../../electron/core/api/handlers/desktop';
import type { JobState } from '../../electron/core/jobs/runner';
import type { ExchangePreview, ExchangeResult } from '../../shared/exchange/preview';

export async function exportBundle(
  t: TempCore,
  input: {
    direction: 'up' | 'down';
    unitId: string;
    yearId: string;
    periodIds?: string[];
    toWorkstationId?: string | null;
    path: string;
  },
): Promise<{ path: string; bytes: number; bundleId: string; message: string }> {
  grantPath(t.session, input.path);
  const end = await jobEnd(t, 'exchange.export', input);
  expect(end.status, JSON.stringify(end.error)).toBe('done');
  return end.value as { path: string; bytes: number; bundleId: string; message: string };
}

export async function previewBundle(t: TempCore, path: string): Promise<JobState & { value?: ExchangePreview }> {
  grantPath(t.session, path);
  return (await jobEnd(t, 'exchange.preview', { path })) as JobState & { value?: ExchangePreview };
}

export async function previewOk(t: TempCore, path: string): Promise<ExchangePreview> {
  const end = await previewBundle(t, path);
  expect(end.status, JSON.stringify(end.error)).toBe('done');
  return callOk<ExchangePreview>(t, 'exchange.getPreview', { previewId: end.value!.previewId });
}

export async function applyBundle(
  t: TempCore,
  previewId: string,
  choices: { key: string; choice: 'theirs' | 'mine' }[] = [],
): Promise<JobState & { value?: ExchangeResult }> {
  return (await jobEnd(t, 'exchange.apply', { previewId, choices })) as JobState & { value?: ExchangeResult };
}
