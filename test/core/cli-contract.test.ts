// The contract-derived commands: --help lists every contract method; each command goes through the
// same dispatch (schema, permission, scope, audit); bad input and guards give one Chinese line, a
// documented exit code and no write; every write is attributed to the operator who signed in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import { EXIT_CODE } from '../../electron/cli/exit-codes';
import { CONTRACT_COMMANDS } from '../../electron/cli/contract/commands';
import { hasEnglishSummary } from '../../electron/cli/contract/english';
import { tempCore, type TempCore } from '../support/temp-core';
import { auditCount, cliIn, insertCliOperator, CLI_PASSWORD } from '../support/cli-fixtures';
import { makeAgency } from '../support/year-fixtures';
import { createYear } from '../../electron/core/years/year-service';

let t: TempCore;
let cli: ReturnType<typeof cliIn>;
beforeEach(() => {
  t = tempCore();
  cli = cliIn(t.dir);
});
afterEach(() => t.cleanup());

const unitCount = () => (t.core.db.prepare('SELECT COUNT(*) AS n FROM unit').get() as { n: number }).n;

describe('contract commands', () => {
  it('--help lists every contract method, grouped by capability, and says how many run here', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    const listed = [...r.out.matchAll(/\[([a-zA-Z.]+)\]$/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(contract).sort());
    const windowOnly = CONTRACT_COMMANDS.filter((c) => c.windowOnly).length;
    expect(r.out).toContain(`${listed.length - windowOnly} 条可运行，共 ${listed.length} 个接口方法`);
    // every command has its own help with an example
    for (const c of CONTRACT_COMMANDS) {
      const h = await cli(['help', ...c.words]);
      expect(h.code, c.method).toBe(0);
      // a password comes from a variable set before the command, never a flag
      expect(h.out, c.method).toMatch(new RegExp(`例 / example: (DA_[A-Z_]+=… )*npm run cli -- ${c.words.join(' ')}`));
    }
  });

  it('gives every error kind its own exit code, apart from 0, 1 and 2', () => {
    const codes = Object.entries(EXIT_CODE).filter(([k]) => k !== 'INTERNAL');
    expect(new Set(codes.map(([, n]) => n)).size).toBe(codes.length);
    expect(codes.every(([, n]) => n > 2)).toBe(true);
  });

  it('writes sign in as the named operator, and the audit names them', async () => {
    await insertCliOperator(t.core, 'jingban', 'clerk');
    const made = await cli(['units', 'create', '--name', '示例局', '--operator', 'jingban', '--json']);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const agency = JSON.parse(made.out) as { id: string; kind: string };
    expect(agency.kind).toBe('agency');
    // references by name: --parent-id 示例局
    const dept = await cli(['units', 'create', '--name', '办公室', '--parent-id', '示例局', '--operator', 'jingban']);
    expect(dept.code).toBe(0);
    const rows = t.core.db
      .prepare("SELECT action, operator_name AS who FROM audit_log WHERE action = 'unit.create' ORDER BY seq")
      .all() as { action: string; who: string }[];
    expect(rows).toEqual([
      { action: 'unit.create', who: '测试jingban' },
      { action: 'unit.create', who: '测试jingban' },
    ]);
    const tree = JSON.parse((await cli(['units', 'tree', '--json'])).out) as {
      units: { name: string; depth: number }[];
    };
    expect(tree.units.map((u) => [u.name, u.depth])).toEqual([
      ['示例局', 0],
      ['办公室', 1],
    ]);
  });

  it('refuses bad input and guards with one Chinese line, a stable code and nothing written', async () => {
    await insertCliOperator(t.core, 'jingban', 'clerk');
    const before = auditCount(t.core);
    const cases: [string[], number, RegExp][] = [
      [['units', 'fly'], 2, /未知命令/],
      [['nonsense'], 2, /未知命令/],
      [['units', 'create', '--name', 'x', '--colour', 'red', '--operator', 'jingban'], 2, /未知参数 --colour/],
      [['units', 'create', '--name'], 2, /--name 缺少值/],
      [['audit', 'list', '--page', 'two'], 2, /--page 应为数字/],
      [['units', 'create', '--name', 'x'], 7, /须以操作员身份运行/],
      [['desktop', 'pick-folder'], 2, /只用于桌面窗口/],
    ];
    for (const [argv, code, message] of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.err, argv.join(' ')).toMatch(message);
      expect(r.err.split('\n')).toHaveLength(1);
    }
    expect(auditCount(t.core)).toBe(before);
    expect(unitCount()).toBe(0);
    // the schema's own message, through dispatch: INVALID_INPUT = 3
    const invalid = await cli(['units', 'create', '--name', '', '--operator', 'jingban']);
    expect(invalid.code).toBe(EXIT_CODE.INVALID_INPUT);
    expect(invalid.err).toContain('名称不能为空');
    const missing = await cli(['units', 'rename', '--id', '不存在', '--name', 'x', '--operator', 'jingban']);
    expect(missing.code).toBe(EXIT_CODE.NOT_FOUND);
    expect(missing.err).toContain('找不到单位或部门“不存在”');
    expect(unitCount()).toBe(0);
  });

  it('a wrong password counts toward the lockout as in the app; a locked account gets LOCKED', async () => {
    await insertCliOperator(t.core, 'jingban', 'clerk');
    const wrong = { DA_PASSWORD: 'Wrong#2026a' };
    for (let i = 0; i < 4; i++) {
      const r = await cli(['units', 'create', '--name', 'x', '--operator', 'jingban'], wrong);
      expect(r.code).toBe(EXIT_CODE.UNAUTHENTICATED);
      expect(r.err).toContain('用户名或密码错误');
    }
    const fifth = await cli(['units', 'create', '--name', 'x', '--operator', 'jingban'], wrong);
    expect(fifth.code).toBe(EXIT_CODE.LOCKED);
    const right = await cli(['units', 'create', '--name', 'x', '--operator', 'jingban'], { DA_PASSWORD: CLI_PASSWORD });
    expect(right.code).toBe(EXIT_CODE.LOCKED);
    expect(right.err).toContain('已被锁定');
    expect(unitCount()).toBe(0);
    const noPassword = await cli(['units', 'create', '--name', 'x', '--operator', 'jingban'], { DA_PASSWORD: '' });
    expect(noPassword.code).toBe(EXIT_CODE.UNAUTHENTICATED);
    expect(noPassword.err).toContain('DA_PASSWORD');
  });

  it("a rater's command outside their departments is refused by the same scope check", async () => {
    const fx = makeAgency(t.ctx, { name: '示例局', departments: ['办公室', '综合科'], perDepartment: 1 });
    createYear(t.ctx, { unitId: fx.agencyId, year: 2026 });
    await insertCliOperator(t.core, 'pingjia', 'rater', [fx.departments['办公室']!]);
    const rate = (person: string) =>
      cli(['ratings', 'save', '--period-id', '2026Q1', '--person-id', person, '--rating', 'good'], {
        DA_OPERATOR: 'pingjia',
      });
    // A001 is in 办公室 (the rater's), A002 in 综合科
    const other = await rate('A002');
    expect(other.code).toBe(EXIT_CODE.FORBIDDEN);
    expect(other.err.split('\n')).toHaveLength(1);
    expect(other.err).toContain('当前账号只能查看和填写本部');
    expect((t.core.db.prepare('SELECT COUNT(*) AS n FROM period_rating').get() as { n: number }).n).toBe(0);
    const own = await rate('A001');
    expect(own.err).toBe('');
    expect(own.code).toBe(0);
    const who = t.core.db.prepare("SELECT operator_name AS n FROM audit_log WHERE action = 'rating.create'").all();
    expect(who).toEqual([{ n: '测试pingjia' }]);
  });

  it('reads run without a log-in as the read-only system identity, which the audit labels', async () => {
    const status = JSON.parse((await cli(['auth', 'status', '--json'])).out) as { needsSetup: boolean };
    expect(status.needsSetup).toBe(true);
    const verify = await cli(['audit', 'verify', '--json']);
    expect(verify.code).toBe(0);
    expect((JSON.parse(verify.out) as { ok: boolean }).ok).toBe(true);
    // a denied call of that identity is on the record under its own name
    const denied = await cli(['operators', 'list']);
    expect(denied.code).toBe(EXIT_CODE.FORBIDDEN);
    const row = t.core.db
      .prepare("SELECT operator_id AS id, operator_name AS name FROM audit_log WHERE action = 'access.denied'")
      .get() as { id: string; name: string };
    expect(row).toEqual({ id: 'system-readonly', name: '命令行只读身份（系统）' });
  });

  it('help is bilingual: every contract command line carries a Chinese and an English summary', async () => {
    const r = await cli(['--help']);
    const lines = r.out.split('\n').filter((l) => /\[[a-zA-Z.]+\]$/.test(l));
    expect(lines).toHaveLength(Object.keys(contract).length);
    for (const line of lines) expect(line).toMatch(/[\u4e00-\u9fff][^/]* \/ [a-z][a-z ,'’()]/i);
    // the English of a method comes from the list, not the fallback from its name, for all but new ones
    const fallback = CONTRACT_COMMANDS.filter((c) => !hasEnglishSummary(c.method)).map((c) => c.method);
    if (fallback.length)
      console.log(`cli help: ${fallback.length} methods described from their names: ${fallback.join(', ')}`);
    expect(fallback.length).toBeLessThan(CONTRACT_COMMANDS.length / 4);
  });

  it('never takes a password from the command line; auth setup reads DA_ADMIN_PASSWORD / DA_SECURITY_PASSWORD', async () => {
    const admin = '{"username":"guanli","displayName":"王管理","password":"Xitong#2025a"}';
    const security = '{"username":"anquan","displayName":"李保密","password":"Baomi#2025a"}';
    const before = auditCount(t.core);
    const inFlags = await cli(['auth', 'setup', '--admin', admin, '--security', security]);
    expect(inFlags.code).toBe(2);
    expect(inFlags.err.split('\n')).toHaveLength(1);
    expect(inFlags.err).toMatch(/密码不能写在命令行上.*admin\.password.*DA_ADMIN_PASSWORD/);
    const inInput = await cli(['auth', 'setup', '--input', `{"admin":${admin},"security":${security}}`]);
    expect(inInput.code).toBe(2);
    expect(auditCount(t.core)).toBe(before);
    expect(
      (t.core.db.prepare("SELECT COUNT(*) AS n FROM operator WHERE role <> 'system'").get() as { n: number }).n,
    ).toBe(0);
    // no variable and no terminal: refused, nothing written
    const none = await cli([
      'auth',
      'setup',
      '--admin',
      '{"username":"guanli","displayName":"王管理"}',
      '--security',
      '{"username":"anquan","displayName":"李保密"}',
    ]);
    expect(none.code).toBe(EXIT_CODE.UNAUTHENTICATED);
    expect(none.err).toContain('DA_ADMIN_PASSWORD');
    const ok = await cli(
      [
        'auth',
        'setup',
        '--admin',
        '{"username":"guanli","displayName":"王管理"}',
        '--security',
        '{"username":"anquan","displayName":"李保密"}',
      ],
      { DA_ADMIN_PASSWORD: 'Xitong#2025a', DA_SECURITY_PASSWORD: 'Baomi#2025a' },
    );
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    // an operator's temporary password as a flag is refused too
    const flag = await cli(
      [
        'operators',
        'create',
        '--username',
        'jingban',
        '--display-name',
        '张经办',
        '--role',
        'clerk',
        '--password',
        'Chushi#2025a',
      ],
      { DA_OPERATOR: 'anquan', DA_PASSWORD: 'Baomi#2025a' },
    );
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/密码不能写在命令行上.*DA_NEW_PASSWORD/);
    const help = await cli(['help', 'auth', 'setup']);
    expect(help.out).not.toMatch(/"password"|--password/);
    expect(help.out).toContain('DA_ADMIN_PASSWORD');
  });
});
