// 民主测评 tallies of a year, read for the workbench, the committee's table and the pack. A year
// without the setting has none to show; a year with it shows each candidate's votes once imported.
import type { Db } from '../db/open';
import { many } from '../db/query';

export interface AppraisalTally {
  voters: number;
  excellent: number;
  competent: number;
  basic: number;
  incompetent: number;
}

export function talliesOf(db: Db, yearId: string): Map<string, AppraisalTally> {
  const rows = many<AppraisalTally & { person_id: string }>(
    db,
    'SELECT person_id, voters, excellent, competent, basic, incompetent FROM appraisal_tally WHERE year_id = ?',
    yearId,
  );
  return new Map(rows.map(({ person_id, ...t }) => [person_id, t]));
}

/** “优秀 12 / 称职 6 / 基本称职 1 / 不称职 0（参评 20 人）” */
export function tallyText(t: AppraisalTally): string {
  return `优秀 ${t.excellent} / 称职 ${t.competent} / 基本称职 ${t.basic} / 不称职 ${t.incompetent}（参评 ${t.voters} 人）`;
}
