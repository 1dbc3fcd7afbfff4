// `settings get|set|apply` on a real store: the app's validation and messages, the description of
// each change in the audit entry, nothing written on a refusal.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_CODE } from '../../electron/cli/exit-codes';
import { tempCore, type TempCore } from '../support/temp-core';
import { makeAgency } from '../support/year-fixtures';
import { createYear } from '../../electron/core/years/year-service';
import { cliIn, insertCliOperator } from '../support/cli-fixtures';

let t: TempCore;
let cli: ReturnType<typeof cliIn>;
let yearId: string;
let fx: ReturnType<typeof makeAgency>;
beforeEach(async () => {
  t = tempCore();
  fx = makeAgency(t.ctx, { name: '示例局' });
  yearId = createYear(t.ctx, { unitId: fx.agencyId, year: 2025 }).year.id;
  await insertCliOperator(t.core, 'jingban', 'clerk');
  cli = cliIn(t.dir, { DA_OPERATOR: 'jingban' });
});
afterEach(() => t.cleanup());

const settingsJson = () =>
  (t.core.db.prepare('SELECT settings_json AS s FROM assessment_year WHERE id = ?').get(yearId) as { s: string }).s;

describe('settings from the command line', () => {
  it('gets one setting or all of them', async () => {
    const one = await cli(['settings', 'get', '--year', '2025', 'quota.share']);
    expect(one).toMatchObject({ code: 0, out: '0.2' });
    const all = JSON.parse((await cli(['settings', 'get', '--year', '2025/示例局', '--json'])).out) as {
      leaveDaysThreshold: number;
    };
    expect(all.leaveDaysThreshold).toBe(182);
    expect((await cli(['settings', 'get', '--year', '2025', 'quota.nonsense'])).code).toBe(EXIT_CODE.INVALID_INPUT);
  });

  it('sets one value and applies a file, each change described in the audit entry', async () => {
    const set = await cli(['settings', 'set', '--year', '2025', 'quota.pooling', 'department', '--reason', '按部门']);
    expect(set.err).toBe('');
    expect(set.code).toBe(0);
    expect(set.out).toContain('已修改 / changed:');
    const file = join(t.dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ leaveDaysThreshold: 150, goodCap: { share: 0.3 } }));
    const applied = await cli(['settings', 'apply', '--year', '2025', file]);
    expect(applied.code).toBe(0);
    expect(applied.out.split('\n')).toHaveLength(2);
    const s = JSON.parse(settingsJson()) as {
      quota: { pooling: string };
      leaveDaysThreshold: number;
      goodCap: { share: number; enabled: boolean };
    };
    expect(s).toMatchObject({ quota: { pooling: 'department' }, leaveDaysThreshold: 150, goodCap: { share: 0.3 } });
    expect(s.goodCap.enabled).toBe(true);
    const entries = t.core.db
      .prepare(
        "SELECT operator_name AS who, reason, after_json AS after FROM audit_log WHERE action = 'year.settings.update' ORDER BY seq",
      )
      .all() as { who: string; reason: string; after: string }[];
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ who: '测试jingban', reason: '按部门' });
    expect((JSON.parse(entries[1]!.after) as { changes: string[] }).changes).toHaveLength(2);
  });

  it('applies a YAML file as well (comments allowed), and refuses a broken one or one with aliases, nothing changed', async () => {
    const file = join(t.dir, 'settings.yaml');
    writeFileSync(
      file,
      [
        '# 本单位规定：病事假超过 150 天只写评语',
        'leaveDaysThreshold: 150',
        'goodCap:',
        '  share: 0.3 # 好 不超过三成',
        '',
      ].join('\n'),
    );
    const applied = await cli(['settings', 'apply', '--year', '2025', file, '--reason', '按文件']);
    expect(applied.err).toBe('');
    expect(applied.code).toBe(0);
    expect(JSON.parse(settingsJson())).toMatchObject({ leaveDaysThreshold: 150, goodCap: { share: 0.3 } });
    const before = settingsJson();
    const broken = join(t.dir, 'broken.yml');
    writeFileSync(broken, 'leaveDaysThreshold: 150\n  goodCap: [\n');
    const r = await cli(['settings', 'apply', '--year', '2025', broken]);
    expect(r.code).toBe(3);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/不是有效的 YAML（第 \d+ 行第 \d+ 列）/);
    const aliases = join(t.dir, 'aliases.yaml');
    writeFileSync(aliases, 'a: &x { share: 0.3 }\ngoodCap: *x\n');
    const a = await cli(['settings', 'apply', '--year', '2025', aliases]);
    expect(a.code).toBe(3);
    expect(a.err).toMatch(/锚点或别名/);
    expect(settingsJson()).toBe(before);
  });

  it('refuses a bad value with the field named and a missing operator; nothing changes', async () => {
    const before = settingsJson();
    const bad = await cli(['settings', 'set', '--year', '2025', 'goodCap.share', '1.5']);
    expect(bad.code).toBe(EXIT_CODE.INVALID_INPUT);
    expect(bad.err.split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/比例|share/);
    const anonymous = await cli(['settings', 'set', '--year', '2025', 'quota.share', '0.3'], { DA_OPERATOR: '' });
    expect(anonymous.code).toBe(EXIT_CODE.UNAUTHENTICATED);
    expect((await cli(['settings', 'set', '--year', '2025', 'quota.share'])).code).toBe(2);
    // (a final year's refusal is in the scripted year: a stage set behind the audit's back is
    // itself refused as tampering when the command line opens the store)
    expect(settingsJson()).toBe(before);
  });

  it('switches the 事业 sanction preset in one setting: rows swapped, change described and audited', async () => {
    const r = await cli([
      'settings',
      'set',
      '--year',
      '2025',
      'institutionSanctionPreset',
      '2012',
      '--reason',
      '处分决定按2012年暂行规定作出',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      '事业单位处分规定 《事业单位工作人员处分规定》（2023年） → 《事业单位工作人员处分暂行规定》（2012年）',
    );
    expect(r.out).toContain('删除资格规则“事业单位受记过处分的当年，只写评语不定等次（2023年处分规定）”');
    const s = JSON.parse(settingsJson()) as { institutionSanctionPreset: string; eligibilityRules: { id: string }[] };
    expect(s.institutionSanctionPreset).toBe('2012');
    const ids = s.eligibilityRules.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['inst-jiguo', 'inst-demote']));
    expect(ids.filter((id) => id.startsWith('inst-2023'))).toEqual([]);
    const entry = t.core.db
      .prepare(
        "SELECT reason, after_json AS after FROM audit_log WHERE action = 'year.settings.update' ORDER BY seq DESC",
      )
      .get() as { reason: string; after: string };
    expect(entry.reason).toBe('处分决定按2012年暂行规定作出');
    expect(
      (JSON.parse(entry.after) as { settings: { institutionSanctionPreset: string } }).settings
        .institutionSanctionPreset,
    ).toBe('2012');
    expect((await cli(['settings', 'get', '--year', '2025', 'institutionSanctionPreset'])).out).toBe('2012');
    // a preset that does not exist: refused naming the setting, nothing changes
    const before = settingsJson();
    const bad = await cli(['settings', 'set', '--year', '2025', 'institutionSanctionPreset', '2020']);
    expect(bad.code).toBe(EXIT_CODE.INVALID_INPUT);
    expect(bad.err).toContain('事业单位处分规定');
    expect(settingsJson()).toBe(before);
  });

  it('names departments in 分管领导 pools and classes by name or code, looked up in the year’s own agency', async () => {
    makeAgency(t.ctx, { name: '他局', departments: ['办公室'], perDepartment: 0 }); // the same name in another agency never matches
    const file = join(t.dir, 'pools.yaml');
    const pools = (second: string) =>
      [
        'quota:',
        '  pooling: leader',
        '  leaders:',
        '    - { id: zhang, name: 张副局长, departmentIds: [办公室] }',
        `    - { id: li, name: 李副局长, departmentIds: [${second}] }`,
        '  departmentClasses:',
        '    - { departmentId: 规划科, class: grassroots }',
        '',
      ].join('\n');
    writeFileSync(file, pools('规划科'));
    const applied = await cli(['settings', 'apply', '--year', '2025', file, '--reason', '按分管领导分配名额']);
    expect(applied.err).toBe('');
    expect(applied.code).toBe(0);
    const quota = (
      JSON.parse(settingsJson()) as {
        quota: { leaders: { id: string; departmentIds: string[] }[]; departmentClasses: { departmentId: string }[] };
      }
    ).quota;
    expect(quota.leaders.map((l) => l.departmentIds)).toEqual([[fx.departments['办公室']], [fx.departments['规划科']]]);
    expect(quota.departmentClasses[0]!.departmentId).toBe(fx.departments['规划科']);
    // the stored ids read back through get, and applying them again changes nothing
    writeFileSync(file, pools(fx.departments['规划科']!));
    expect((await cli(['settings', 'apply', '--year', '2025', file])).out).toContain('设置没有变化');
    // a department the agency lacks: refused naming the leader and the name, nothing written
    const before = settingsJson();
    writeFileSync(file, pools('财务科'));
    const bad = await cli(['settings', 'apply', '--year', '2025', file]);
    expect(bad.code).toBe(EXIT_CODE.INVALID_INPUT);
    expect(bad.err).toContain('李副局长');
    expect(bad.err).toContain('“财务科”');
    expect(settingsJson()).toBe(before);
  });
});
