// The slow-call log: calls at or over the threshold are kept by method and duration only, newest
// first, on the system page and in logs/slow-calls.log; their inputs (personal data) never appear.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dispatch } from '../../electron/core/api/dispatch';
import { SlowCallLog } from '../../electron/core/api/slow-calls';
import { tempCore, type TempCore } from '../support/temp-core';

let t: TempCore | undefined;
afterEach(() => t?.cleanup());

describe('slow-call log', () => {
  it('keeps calls over the threshold, newest first, and only the last 200', () => {
    const log = new SlowCallLog(null, 100);
    log.observe('roster.list', 99.9);
    expect(log.list()).toEqual([]);
    for (let i = 0; i < 250; i++) log.observe(`m${i}`, 100 + i, new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)));
    const calls = log.list();
    expect(calls).toHaveLength(200);
    expect(calls[0]).toMatchObject({ method: 'm249', ms: 349 });
    expect(calls.at(-1)).toMatchObject({ method: 'm50' });
  });

  it('records each contract call by name through dispatch, never its input, and shows it to the operator', async () => {
    t = tempCore({ slowCallMs: 0 });
    await dispatch(t.core, t.session, 'roster.create', {
      personNo: 'S001',
      name: '欧阳慢',
      unitId: 'no-such-unit',
      category: 'civil_servant',
    });
    await dispatch(t.core, t.session, 'no.such.method.欧阳', {});
    const r = await dispatch(t.core, t.session, 'system.slowCalls', {});
    expect(r.ok).toBe(true);
    const value = (r as { value: { thresholdMs: number; calls: { method: string }[]; logFile: string } }).value;
    expect(value.thresholdMs).toBe(0);
    expect(value.calls.map((c) => c.method)).toEqual(['roster.create']);
    const file = readFileSync(value.logFile, 'utf8');
    expect(file).toMatch(/^\S+\troster\.create\t\d+ms\n/);
    expect(file).not.toContain('欧阳');
    expect(file).not.toContain('S001');
  });
});
