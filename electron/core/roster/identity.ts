// One person, one record: a 身份证号 already on the roster is refused as a second person (the store's
// triggers refuse it too, 0012-person-identity.sql), and the number must agree with the 性别 and
// 出生年月 entered beside it. Used by the form's create and update; the roster import has its own
// cell-level checks (electron/core/import/kind-roster.ts) with the same rules.
import { AppError } from '../../../shared/result';
import { idCardMismatches } from '../../../shared/domain/idcard';
import type { Db } from '../db/open';
import { invalid } from './validate';
import { many } from '../db/query';

export interface IdCardHolder {
  id: string;
  person_no: string;
  name: string;
  unit_name: string;
}

export function idCardHolder(db: Db, idCard: string, exceptId?: string): IdCardHolder | null {
  const rows = many<IdCardHolder>(
    db,
    'SELECT p.id, p.person_no, p.name, u.name AS unit_name FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id_card = ?',
    idCard,
  );
  return rows.find((r) => r.id !== exceptId) ?? null;
}

export function assertIdCardFree(db: Db, idCard: string | null, exceptId?: string): void {
  if (!idCard) return;
  const other = idCardHolder(db, idCard, exceptId);
  if (!other) return;
  const message = `身份证号已登记在 ${other.name}（人员编号 ${other.person_no}，${other.unit_name}）名下，同一人不能登记为两个人员。如是同一人，请修改原记录；如录错了号码，请核对后重填`;
  throw new AppError('CONFLICT', message + '。', { issues: [{ field: 'idCard', message }] });
}

export function assertIdCardMatches(idCard: string | null, gender: string | null, birthMonth: string | null): void {
  if (!idCard) return;
  const issues = idCardMismatches(idCard, { gender, birthMonth });
  if (issues.length) throw invalid(issues);
}
