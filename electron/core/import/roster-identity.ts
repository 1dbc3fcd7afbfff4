// People stay themselves through a roster import. A 身份证号 already held by another 人员编号 (in the
// store or higher up in the file) is an error on that cell: the same person cannot become a second
// record. The number must agree with the row's 性别 and 出生年月. A row with the same 姓名 + 性别 +
// 出生年月 as someone under another 人员编号 is a probable duplicate: not an error (two people may share
// all three), but a conflict the preview shows beside the row, naming the other record.
import { idCardMismatches } from '../../../shared/domain/idcard';
import type { ProbableDuplicate } from '../../../shared/import/types';
import type { RowCheck } from './plan';
import type { PersonRow, StoreView } from './store-view';
import { many } from '../db/query';

export interface RowIdentity {
  personNo: string;
  name: string;
  gender: string | null;
  birthMonth: string | null;
  idCard: string | null;
  /** which of 性别 / 出生年月 / 身份证号 the row itself filled (a blank cell keeps the stored value) */
  given: { gender: boolean; birthMonth: boolean; idCard: boolean };
}

const identityKey = (name: string, gender: string | null, birth: string | null): string | null =>
  name && gender && birth ? `${name}|${gender}|${birth}` : null;

export class RosterIdentity {
  private readonly byIdCard = new Map<string, PersonRow>();
  private readonly byIdentity = new Map<string, PersonRow[]>();
  /** what rows above in this file claimed: 身份证号 → the row, identity key → the rows */
  private readonly fileIdCards = new Map<string, { sheet: string; row: number; personNo: string }>();
  private readonly fileIdentity = new Map<string, { sheet: string; row: number; personNo: string; name: string }[]>();

  /** pairs the clerk judged to be two people (person_distinct), as "idA|idB" with idA < idB */
  private readonly distinct = new Set<string>();

  constructor(private readonly view: StoreView) {
    for (const d of many<{
      person_a: string;
      person_b: string;
    }>(view.db, 'SELECT person_a, person_b FROM person_distinct'))
      this.distinct.add(`${d.person_a}|${d.person_b}`);
    for (const p of view.people.values()) {
      if (p.id_card) this.byIdCard.set(p.id_card, p);
      const k = identityKey(p.name, p.gender, p.birth_month);
      if (k) this.byIdentity.set(k, [...(this.byIdentity.get(k) ?? []), p]);
    }
  }

  /** Records the row's errors on its cells; returns the probable duplicates to show (none when in error). */
  check(check: RowCheck, r: RowIdentity, existing: PersonRow | null): ProbableDuplicate[] {
    const at = { sheet: check.row.sheet, row: check.row.row, personNo: r.personNo, name: r.name };
    if (r.idCard) {
      // Only a row that fills one of the three is checked: a blank row keeps what the store holds.
      const filled = r.given.gender || r.given.birthMonth || r.given.idCard;
      for (const m of filled ? idCardMismatches(r.idCard, { gender: r.gender, birthMonth: r.birthMonth }) : []) {
        // The cell the row filled is the one to correct; if it filled only the number, the number.
        const cell = r.given[m.field] ? m.field : 'idCard';
        check.fail(cell, m.message);
      }
      const holder = this.byIdCard.get(r.idCard);
      if (holder && holder.person_no !== r.personNo)
        check.fail(
          'idCard',
          `身份证号已登记在 ${holder.name}（人员编号 ${holder.person_no}，${this.view.unitPath(holder.unit_id)}）名下，同一人不能登记为两个人员。如是同一人，请改用编号 ${holder.person_no}`,
        );
      const earlier = this.fileIdCards.get(r.idCard);
      if (earlier && earlier.personNo !== r.personNo)
        check.fail(
          'idCard',
          `身份证号与${earlier.sheet === at.sheet ? '' : `工作表“${earlier.sheet}”`}第 ${earlier.row} 行（人员编号 ${earlier.personNo}）相同，同一人不能登记为两个人员`,
        );
      else if (!earlier && r.given.idCard) this.fileIdCards.set(r.idCard, at);
    }
    const key = identityKey(r.name, r.gender, r.birthMonth);
    if (!key || !check.clean) return [];
    const out: ProbableDuplicate[] = [];
    for (const p of this.byIdentity.get(key) ?? []) {
      if (p.person_no === r.personNo) continue;
      // Two valid numbers that differ are two people: not a probable duplicate.
      if (p.id_card && r.idCard && p.id_card !== r.idCard) continue;
      if (existing && this.distinct.has(existing.id < p.id ? `${existing.id}|${p.id}` : `${p.id}|${existing.id}`))
        continue;
      out.push({
        ...at,
        otherPersonNo: p.person_no,
        otherName: p.name,
        otherWhere: `${this.view.unitPath(p.unit_id)}${p.status === 'left' ? '（已离开）' : ''}`,
        problem: `与名册中的 ${p.name}（人员编号 ${p.person_no}）姓名、性别、出生年月相同，可能是同一人`,
      });
    }
    for (const f of this.fileIdentity.get(key) ?? []) {
      if (f.personNo === r.personNo) continue;
      out.push({
        ...at,
        otherPersonNo: f.personNo,
        otherName: f.name,
        otherWhere: `本文件${f.sheet === at.sheet ? '' : `工作表“${f.sheet}”`}第 ${f.row} 行`,
        problem: `与本文件第 ${f.row} 行（人员编号 ${f.personNo}）姓名、性别、出生年月相同，可能是同一人`,
      });
    }
    this.fileIdentity.set(key, [...(this.fileIdentity.get(key) ?? []), at]);
    return out;
  }
}
