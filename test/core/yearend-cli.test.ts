// The year-end commands: `results --json` prints per person eligibility, suggestion, trace, final
// result and stage; `finalize` refuses with the app's guards, then locks the year once they hold.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index';
import { CLI_PASSWORD, insertCliOperator } from '../support/cli-fixtures';
import { EXIT_CODE } from '../../electron/cli/exit-codes';
import { dispatch } from '../../electron/core/api/dispatch';
import { tempCore, type TempCore } from '../support/temp-core';
import { seedYearEnd } from '../support/yearend-fixtures';

let t: TempCore;
beforeEach(async () => {
  t = tempCore();
  await insertCliOperator(t.core, 'jingban', 'clerk');
});
afterEach(() => t.cleanup());

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    [...argv, '--data-dir', t.dir],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { vars: { NODE_ENV: 'test', DA_OPERATOR: 'jingban', DA_PASSWORD: CLI_PASSWORD }, prompt: null },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function seed() {
  return seedYearEnd(t.ctx, {
    agency: '示例局',
    departments: ['办公室', '综合科'],
    people: [
      { no: 'C01', name: '甲', ratings: '好 好 较好 好' },
      { no: 'C02', name: '乙', ratings: '较好 较好 较好 较好', dept: 1 },
      {
        no: 'C03',
        name: '丙',
        ratings: '较好 较好 较好 较好',
        evidence: [{ kind: 'sanction', subKind: '记过', date: '2026-05-01', docNo: '纪〔2026〕1号' }],
      },
      { no: 'C04', name: '丁', ratings: '较好 较好 较好 较好' },
      { no: 'C05', name: '戊', ratings: '较好 较好 较好 较好' },
    ],
  });
}

describe('yearend CLI', () => {
  it('results --json prints eligibility, suggestion, trace, final and stage per person; --unit narrows to a department', async () => {
    seed();
    const r = await cli('results', '--year', '2026', '--json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out) as {
      stage: string;
      people: {
        personNo: string;
        eligibility: { outcome: string; rules: { ruleId: string }[] };
        suggestion: { label: string };
        trace: string;
        final: unknown;
        stage: string;
      }[];
    };
    expect(data.stage).toBe('collecting');
    const c03 = data.people.find((p) => p.personNo === 'C03')!;
    expect(c03.eligibility.outcome).toBe('comments_only');
    expect(c03.eligibility.rules.map((x) => x.ruleId)).toEqual(['jiguo']);
    expect(c03.trace).toContain('当年受记过处分');
    expect(data.people.find((p) => p.personNo === 'C01')!.suggestion.label).toBe('优秀');
    expect(data.people.every((p) => p.final === null && p.stage === 'collecting')).toBe(true);
    const dept = await cli('results', '--year', '2026', '--unit', '综合科', '--json');
    expect((JSON.parse(dept.out) as { people: { personNo: string }[] }).people.map((p) => p.personNo)).toEqual(['C02']);
    expect((await cli('results', '--json')).code).toBe(2);
    expect((await cli('results', '--year', '2031')).code).toBe(EXIT_CODE.NOT_FOUND);
  });

  it('finalize applies the same guards as the app', async () => {
    const y = seed();
    const refused = await cli('finalize', '--year', '2026', '--unit', '示例局');
    expect(refused.code).toBe(EXIT_CODE.LOCKED);
    expect(refused.err).toContain('不能直接转到“已定档”');
    const call = (m: string, i: unknown) => dispatch(t.core, t.session, m, i);
    await call('yearend.transition', { yearId: y.yearId, to: 'review' });
    await call('yearend.bulkAccept', { yearId: y.yearId, departmentId: null });
    // five people: no excellent place, so the candidate is lowered with a reason
    const lowered = await call('yearend.decide', {
      yearId: y.yearId,
      personId: y.ids.get('C01'),
      outcome: 'graded',
      grade: 'competent',
      reason: '单位人数过少，无优秀名额',
    });
    expect(lowered.ok).toBe(true);
    await call('yearend.transition', {
      yearId: y.yearId,
      to: 'notice',
      noticeStart: '2026-11-02',
      confirmPastStart: true,
    });
    await call('yearend.addObjection', {
      yearId: y.yearId,
      personId: null,
      receivedOn: '2026-11-03',
      raisedBy: '',
      content: '异议',
    });
    const blocked = await cli('finalize', '--year', '2026', '--unit', '示例局');
    expect(blocked.code).toBe(EXIT_CODE.LOCKED);
    expect(blocked.err).toContain('还有 1 条异议未处理完毕');
    const objections = (await call('yearend.objections', { yearId: y.yearId })) as {
      ok: true;
      value: { id: string }[];
    };
    await call('yearend.resolveObjection', {
      objectionId: objections.value[0]!.id,
      handling: '不成立，维持原结果',
      resolvedOn: '2026-11-05',
    });
    const done = await cli('finalize', '--year', '2026', '--unit', '示例局');
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toContain('已定档 / finalised');
    const after = JSON.parse((await cli('results', '--year', '2026', '--json')).out) as {
      stage: string;
      settingsAsDecided: boolean;
      people: { final: { label: string } }[];
    };
    expect(after).toMatchObject({ stage: 'final', settingsAsDecided: true });
    expect(after.people.every((p) => p.final !== null)).toBe(true);
  });
});
