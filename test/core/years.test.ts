// Assessment years: create with periods of each kind, refuse duplicates and departments, list/get
// through the dispatcher; settings validated with Chinese messages, updated with an audited change list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { tempCore, type TempCore } from '../support/temp-core';
import { makeAgency, makeYear, type AgencyFixture } from '../support/year-fixtures';
import { defaultYearSettings } from '../../shared/settings/year-settings';
import { validateSettings } from '../../electron/core/years/settings-service';

let t: TempCore;
let fx: AgencyFixture;
beforeEach(() => {
  t = tempCore();
  fx = makeAgency(t.ctx);
});
afterEach(() => t.cleanup());

const call = (method: string, input: unknown) => dispatch(t.core, t.session, method, input);
const auditRows = (action: string) =>
  t.core.db.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
    before_json: string;
    after_json: string;
    reason: string;
  }[];

describe('assessment years', () => {
  it('creates a year with quarters by default, audited, and lists it', async () => {
    const r = await call('years.create', { unitId: fx.agencyId, year: 2026 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value as {
      year: { id: string; stage: string };
      periods: { code: string }[];
      settings: { periodKind: string };
      departments: unknown[];
    };
    expect(v.year.stage).toBe('collecting');
    expect(v.periods.map((p) => p.code)).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(v.settings.periodKind).toBe('quarter');
    expect(v.departments).toHaveLength(2);
    expect(auditRows('year.create')).toHaveLength(1);
    const list = await call('years.list', {});
    expect(list.ok && (list.value as unknown[]).length).toBe(1);
    const periods = await call('periods.list', { yearId: v.year.id });
    expect(periods.ok && (periods.value as unknown[]).length).toBe(4);
  });

  it('month and half-year kinds', async () => {
    const m = makeYear(t.ctx, fx.agencyId, 2026, 'month');
    expect(m.periods.map((p) => p.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026M${String(i + 1).padStart(2, '0')}`),
    );
    const h = makeYear(t.ctx, fx.agencyId, 2027, 'half');
    expect(h.periods.map((p) => [p.code, p.label])).toEqual([
      ['2027H1', '上半年'],
      ['2027H2', '下半年'],
    ]);
  });

  it('refuses a second year for the same agency, and a department as the unit', async () => {
    makeYear(t.ctx, fx.agencyId);
    const again = await call('years.create', { unitId: fx.agencyId, year: 2026 });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'CONFLICT' });
    if (!again.ok) expect(again.error.message).toContain('2026 年度已经建立');
    const dept = await call('years.create', { unitId: fx.departments['办公室'], year: 2026 });
    expect(!dept.ok && dept.error.message).toContain('内设部门');
    const bad = await call('years.create', { unitId: fx.agencyId, year: 1999 });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });
});

describe('year settings', () => {
  it('validation names each field in Chinese', () => {
    const s = defaultYearSettings();
    const v = validateSettings({
      ...s,
      goodCap: { ...s.goodCap, share: 1.5 },
      leaveDaysThreshold: 0,
      noticeWorkingDays: 'x',
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const byPath = Object.fromEntries(v.issues.map((i) => [i.path, `${i.field}：${i.message}`]));
    expect(byPath['goodCap.share']).toBe('“好”等次比例上限：应为 0% 至 100% 之间的比例');
    expect(byPath['leaveDaysThreshold']).toBe('病事假天数阈值：过小，最小为 1');
    expect(byPath['noticeWorkingDays']).toContain('公示期（工作日）：');
    // Rules across fields run once every field is valid on its own.
    const v3 = validateSettings({ ...s, quota: { ...s.quota, share: 0.3, raisedShare: 0.25 } });
    expect(!v3.ok && v3.issues.map((i) => `${i.field}：${i.message}`)).toEqual([
      '提高后的优秀比例：不能低于优秀比例（30%）',
    ]);
    const rules = s.eligibilityRules.map((r, i) => (i === 3 ? { ...r, effect: 'nonsense' } : r));
    const v2 = validateSettings({ ...s, eligibilityRules: rules });
    expect(!v2.ok && v2.issues[0]!.field).toBe('资格规则影响（第 4 行）');
    expect(validateSettings(s).ok).toBe(true);
  });

  it('an update is audited with before/after and a plain Chinese change list', async () => {
    const y = makeYear(t.ctx, fx.agencyId);
    const s = defaultYearSettings();
    const next = {
      ...s,
      quota: { ...s.quota, share: 0.25, raisedShare: 0.3 },
      goodCap: { ...s.goodCap, enforcement: 'block' },
      eligibilityRules: s.eligibilityRules.map((r) =>
        r.id === 'negative-list' ? { ...r, enabled: true } : r.id === 'warning' ? { ...r, effect: 'info' } : r,
      ),
    };
    const r = await call('years.updateSettings', { yearId: y.year.id, settings: next, reason: '按区考核办通知' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { changes } = r.value as { changes: string[] };
    expect(changes).toContain('优秀比例 20% → 25%');
    expect(changes).toContain('绩效优秀单位提高后的优秀比例 25% → 30%');
    expect(changes).toContain('超出“好”上限时 提醒后允许保存 → 禁止保存（须填写理由方可突破）');
    expect(changes).toContain('资格规则“负面清单事项（按清单设定的影响）” 停用 → 启用');
    expect(changes).toContain('资格规则“当年受警告处分，不得确定为优秀”的影响 不得确定为优秀 → 仅提示');
    const audit = auditRows('year.settings.update');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before_json).settings.quota.share).toBe(0.2);
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ settings: { quota: { share: 0.25 } }, changes });
    expect(audit[0]!.reason).toBe('按区考核办通知');
    const got = await call('years.getSettings', { yearId: y.year.id });
    expect(got.ok && (got.value as { settings: { quota: { share: number } } }).settings.quota.share).toBe(0.25);
    // Saving the same settings again changes nothing and writes no audit row.
    const same = await call('years.updateSettings', { yearId: y.year.id, settings: next });
    expect(same.ok && (same.value as { changes: string[] }).changes).toEqual([]);
    expect(auditRows('year.settings.update')).toHaveLength(1);
  });

  it('an invalid update is refused with the field issues and the store is unchanged', async () => {
    const y = makeYear(t.ctx, fx.agencyId);
    const before = t.core.db
      .prepare('SELECT settings_json, updated_at FROM assessment_year WHERE id = ?')
      .get(y.year.id);
    const r = await call('years.updateSettings', {
      yearId: y.year.id,
      settings: { ...defaultYearSettings(), leaveDaysThreshold: 400 },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toContain('病事假天数阈值：过大，最大为 366');
    expect(
      t.core.db.prepare('SELECT settings_json, updated_at FROM assessment_year WHERE id = ?').get(y.year.id),
    ).toEqual(before);
  });

  it('changing the period kind rebuilds the periods while none holds a record', async () => {
    const y = makeYear(t.ctx, fx.agencyId);
    const r = await call('years.updateSettings', {
      yearId: y.year.id,
      settings: { ...defaultYearSettings(), periodKind: 'half' },
    });
    expect(r.ok && (r.value as { changes: string[] }).changes).toEqual(['考核期间 按季度 → 按半年']);
    const periods = await call('periods.list', { yearId: y.year.id });
    expect(periods.ok && (periods.value as { code: string }[]).map((p) => p.code)).toEqual(['2026H1', '2026H2']);
  });

  it('settings are locked once the year is final', async () => {
    const y = makeYear(t.ctx, fx.agencyId);
    t.core.db.prepare(`UPDATE assessment_year SET stage = 'final' WHERE id = ?`).run(y.year.id);
    const got = await call('years.getSettings', { yearId: y.year.id });
    expect(got.ok && (got.value as { locked: boolean }).locked).toBe(true);
    const r = await call('years.updateSettings', {
      yearId: y.year.id,
      settings: { ...defaultYearSettings(), leaveDaysThreshold: 150 },
    });
    expect(!r.ok && r.error.code).toBe('LOCKED');
    expect(!r.ok && r.error.message).toContain('年度设置已锁定');
  });
});

describe('years methods through the dispatcher', () => {
  it('validateSettings answers issues without saving; capStatus and agencies answer', async () => {
    const y = makeYear(t.ctx, fx.agencyId);
    const v = await call('years.validateSettings', { settings: { ...defaultYearSettings(), noticeWorkingDays: 0 } });
    expect(v.ok && (v.value as { ok: boolean; issues: { field: string; message: string }[] })).toEqual({
      ok: false,
      issues: [{ path: 'noticeWorkingDays', field: '公示期（工作日）', message: '过小，最小为 1' }],
    });
    const agencies = await call('years.agencies', {});
    expect(agencies.ok && (agencies.value as { name: string }[]).map((a) => a.name)).toEqual(['某区发改委']);
    const cap = await call('ratings.capStatus', { periodId: y.periods[0]!.id });
    expect(cap.ok && (cap.value as { agency: { base: number; cap: number } }).agency).toMatchObject({
      base: 10,
      cap: 4,
    });
    const missing = await call('years.get', { yearId: 'no-such-year' });
    expect(!missing.ok && missing.error).toMatchObject({ code: 'NOT_FOUND' });
  });
});
