// The demo's printed summary, Chinese first then English: what was made, where, and who carries
// which edge case, so a new user knows whom to look up.
import type { DemoSummary } from './generate';

const fmt = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${v}`)
    .join('，');

export function summaryLines(s: DemoSummary, storeFile: string): string[] {
  const lines: string[] = [];
  lines.push(`演示数据已生成 / demo store created: ${storeFile}`);
  lines.push(`  种子 seed ${s.seed}，年度 year ${s.year}，用时 ${s.elapsedMs} ms`);
  lines.push(
    `  单位 agencies: ${s.agencies.length}（${s.agencies
      .slice(0, 3)
      .map((a) => a.name)
      .join('、')}${s.agencies.length > 3 ? '…' : ''}），部门 departments: ${s.departmentCount}`,
  );
  lines.push(
    `  人员 people: ${s.people.total}（在职 active ${s.people.active}，离开 left ${s.people.left}；${fmt(s.people.byCategory)}）`,
  );
  if (s.departments.length) {
    lines.push(`  ${s.agencies[0]!.name} 各部门 / per department:`);
    for (const d of s.departments)
      lines.push(`    ${d.name.padEnd(10, '　')} ${String(d.people).padStart(4)} 人（${fmt(d.byCategory)}）`);
  }
  lines.push(
    `  考核期间 periods: ${s.periods.map((p) => `${p.code}${p.reviewStatus === 'reviewed' ? '（已复核 reviewed）' : '（待复核 open）'}`).join('，')}`,
  );
  lines.push(`  平时考核 period ratings: ${s.ratings.total}（${fmt(s.ratings.byValue)}）`);
  lines.push(`  事件记录 evidence: ${s.evidence.total}（${fmt(s.evidence.byKind)}）`);
  lines.push(`  往年等次 history grades (${s.year - 3}–${s.year - 1}): ${s.history}；部门调动 moves: ${s.moves}`);
  if (s.edgeCases.length) {
    lines.push('  典型情形 / edge cases:');
    for (const e of s.edgeCases) lines.push(`    ${e.name}（${e.personNo}，${e.department}）：${e.label}`);
  }
  return lines;
}
