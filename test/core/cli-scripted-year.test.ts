// The scripted year of docs/cli.md, run line by line from the document itself on a fresh data
// folder: operators, units, a year, the four workbooks, the quarterly review, year end with an
// objection resolved, 定档, a 复核 that changes a grade, the pack. The document cannot drift from
// what the command line does. Afterwards: every write attributed, a final year refuses writes.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { EXIT_CODE } from '../../electron/cli/exit-codes';
import { AppCore } from '../../electron/core/app-core';
import { tempDir } from '../support/temp-core';
import { EVIDENCE_HEADER, HISTORY_HEADER, RATINGS_HEADER, ROSTER_HEADER, writeXlsx } from '../support/xlsx-fixtures';

/** The lines between the scripted-year markers of docs/cli.md. */
function scriptLines(): string[] {
  const doc = readFileSync(join(__dirname, '../../docs/cli.md'), 'utf8');
  const block = doc.split('<!-- scripted-year:start -->')[1]!.split('<!-- scripted-year:end -->')[0]!;
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('```'));
}

/** Shell words: spaces separate, single and double quotes group (enough for the script). */
function words(line: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let quote: string | null = null;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      cur ??= '';
    } else if (ch === ' ') {
      if (cur !== null) out.push(cur);
      cur = null;
    } else cur = (cur ?? '') + ch;
  }
  if (cur !== null) out.push(cur);
  return out;
}

const ASSIGN = /^([A-Z_]+)=(.*)$/s;

// 办公室 C001–C005, 综合科 C006–C010; C008 has a 记过; C010's year is weak until its 复核.
const PEOPLE = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'].map((name, i) => ({
  no: `C${String(i + 1).padStart(3, '0')}`,
  name: `${name}某`,
  dept: i < 5 ? '办公室' : '综合科',
}));
const RATINGS: Record<string, string[]> = {
  C001: ['好', '好', '好', '好'],
  C002: ['好', '好', '较好', '好'],
  C006: ['好', '好', '好', '较好'],
  C010: ['一般', '一般', '一般', '较好'],
};

async function writeWorkbooks(dir: string): Promise<void> {
  const blank = (n: number) => Array<string>(n).fill('');
  await writeXlsx(join(dir, '人员名册.xlsx'), [
    {
      name: '人员名册',
      rows: [
        ROSTER_HEADER,
        ...PEOPLE.map((p) => [p.no, p.name, '男', '', '', '', p.dept, '科员', '', '公务员', '', '2018-03-01', '', '']),
      ],
    },
  ]);
  await writeXlsx(join(dir, '平时考核.xlsx'), [
    {
      name: '平时考核',
      rows: [
        RATINGS_HEADER,
        ...PEOPLE.flatMap((p) =>
          [1, 2, 3, 4].map((q) => [
            p.no,
            p.name,
            `2025Q${q}`,
            `第${q}季度完成本职工作`,
            (RATINGS[p.no] ?? blank(4).fill('较好'))[q - 1],
            '',
            '科长',
          ]),
        ),
      ],
    },
  ]);
  await writeXlsx(join(dir, '事件记录.xlsx'), [
    {
      name: '事件记录',
      rows: [
        EVIDENCE_HEADER,
        ['C008', '辛某', '2025-05-10', '处分', '记过', '违反工作纪律', '示纪〔2025〕3号', '', ''],
      ],
    },
  ]);
  await writeXlsx(join(dir, '历年考核.xlsx'), [
    {
      name: '历年考核',
      rows: [HISTORY_HEADER, ...['2022', '2023', '2024'].map((y) => ['C001', '甲某', y, '优秀'])],
    },
  ]);
}

let dataDir: string;
let workDir: string;
const vars: Record<string, string> = {};

async function run(argv: string[], lineVars: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv.map((a) => (a.startsWith('./') ? join(workDir, a.slice(2)) : a)).concat('--data-dir', dataDir),
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { vars: { ...vars, ...lineVars }, prompt: null },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const outputs: { line: string; out: string }[] = [];

beforeAll(async () => {
  dataDir = tempDir('da-year-');
  workDir = tempDir('da-work-');
  mkdirSync(workDir, { recursive: true });
  await writeWorkbooks(workDir);
  for (const line of scriptLines()) {
    const w = words(line);
    if (w[0] === 'export') {
      for (const a of w.slice(1)) {
        const m = ASSIGN.exec(a)!;
        vars[m[1]!] = m[2]!;
      }
      continue;
    }
    const lineVars: Record<string, string> = {};
    while (ASSIGN.test(w[0]!)) {
      const m = ASSIGN.exec(w.shift()!)!;
      lineVars[m[1]!] = m[2]!;
    }
    expect(w.slice(0, 4), line).toEqual(['npm', 'run', 'cli', '--']);
    const r = await run(w.slice(4), lineVars);
    if (r.code !== 0) throw new Error(`脚本行失败（退出码 ${r.code}）：${line}\n${r.err}`);
    outputs.push({ line, out: r.out });
  }
}, 600_000);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

describe('the scripted year of docs/cli.md', () => {
  it('takes the year to 定档 with the objection resolved and the 复核 changing C010 to 称职', async () => {
    const results = JSON.parse(outputs.find((o) => o.line.includes('results --year 2025 --json'))!.out) as {
      stage: string;
      people: { personNo: string; final: { label: string } | null; eligibility: { outcome: string } }[];
    };
    expect(results.stage).toBe('final');
    const byNo = new Map(results.people.map((p) => [p.personNo, p]));
    expect(byNo.get('C010')!.final!.label).toBe('称职');
    expect(byNo.get('C008')!.eligibility.outcome).toBe('comments_only');
    expect(results.people.every((p) => p.final !== null)).toBe(true);
    expect(outputs.at(-1)!.out).toContain('审计链完整');
  });

  it('prints the pack: workbooks that open, the registration forms among their sheets', async () => {
    const files = readdirSync(join(workDir, '考核材料')).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(workDir, '考核材料', files[0]!));
    expect(wb.worksheets.length).toBeGreaterThan(1);
    const text = wb.worksheets.map((ws) => ws.name).join(' ');
    expect(text).toMatch(/登记表/);
  });

  it('attributed every write to a named operator; nothing ran as the system', () => {
    const core = new AppCore({ dataDir, autoBackup: false, logError: () => undefined });
    try {
      const who = core.db
        .prepare("SELECT DISTINCT operator_name AS name FROM audit_log WHERE outcome = 'ok' ORDER BY name")
        .all() as { name: string }[];
      expect(who.map((w) => w.name).sort()).toEqual(['张经办', '李保密', '王管理'].sort());
      const actions = core.db.prepare("SELECT DISTINCT action FROM audit_log WHERE operator_name = '张经办'").all() as {
        action: string;
      }[];
      const names = actions.map((a) => a.action);
      for (const a of ['unit.create', 'year.create', 'import.apply', 'year.settings.update', 'yearend.stage.final'])
        expect(names, a).toContain(a);
    } finally {
      core.close();
    }
  });

  it('a write on the final year is refused in one Chinese line, and nothing is written', async () => {
    const count = () => {
      const core = new AppCore({ dataDir, autoBackup: false, logError: () => undefined });
      try {
        return (core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
      } finally {
        core.close();
      }
    };
    const settings = await run(['settings', 'set', '--year', '2025', 'quota.share', '0.3']);
    expect(settings.code).toBe(EXIT_CODE.LOCKED);
    expect(settings.err).toContain('定档');
    const before = count();
    const decide = await run([
      'yearend',
      'decide',
      '--year-id',
      '2025',
      '--person-id',
      'C003',
      '--outcome',
      'graded',
      '--grade',
      'basic',
      '--reason',
      '改一下',
    ]);
    expect(decide.code).toBe(EXIT_CODE.LOCKED);
    expect(decide.err.split('\n')).toHaveLength(1);
    expect(decide.err).toContain('定档');
    // only the sign-in and sign-out of the refused command were recorded
    expect(count()).toBe(before + 2);
  });
});
