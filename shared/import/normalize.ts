// Pure normalizers of messy cells: each returns the stored value or a Chinese problem text that
// says what is wrong and what to write instead. Decisions on ambiguous wordings are documented here.
import { isIsoDate, isoFromParts } from '../domain/dates';
import { checkIdCard } from '../domain/idcard';
import type { Grade, Outcome, PeriodRatingValue, PersonCategory } from '../domain/types';
import { cellDisplay, cellText, excelSerialToIso, isBlankCell, type CellValue } from './cells';
import { cleanText, compactText, cleanPersonName } from './text';

export type Norm<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Norm<T> => ({ ok: true, value });
const bad = (problem: string): Norm<never> => ({ ok: false, problem });

/** Years a date in these records can plausibly have (birth dates included). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Free text (工作纪实, 评语, 说明): cleaned, length-checked; blank → ''. */
export function normText(v: CellValue, max: number): Norm<string> {
  if (isBlankCell(v)) return ok('');
  if (typeof v === 'object' && v !== null) return ok(v.date);
  const s = cleanText(String(v));
  if (s.length > max) return bad(`内容过长（${s.length} 字），最多 ${max} 字`);
  return ok(s);
}

/** Codes such as 人员编号 or 文号 parts: half-width, no spaces. Numbers typed as numbers are fine. */
export function normCode(v: CellValue, max: number): Norm<string> {
  if (isBlankCell(v)) return ok('');
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v))
      return bad(`编号“${v}”被 Excel 存成了数字，可能已丢失位数，请将该列设为文本后重新填写`);
    return ok(String(v));
  }
  if (typeof v === 'object' && v !== null) return bad(`应为编号，不是日期（${v.date}）`);
  const s = compactText(String(v));
  if (s.length > max) return bad(`编号过长（${s.length} 位），最多 ${max} 位`);
  return ok(s);
}

export function normName(v: CellValue): Norm<string> {
  if (isBlankCell(v)) return ok('');
  if (typeof v !== 'string') return bad(`姓名应为文字，不是“${cellDisplay(v)}”`);
  const s = cleanPersonName(v);
  if (s.length > 40) return bad('姓名过长（最多 40 字）');
  // No guessing about what a name may contain: the identity check compares it with the roster.
  return ok(s);
}

function checkedIso(y: number, m: number, d: number, shown: string): Norm<string> {
  if (y < MIN_YEAR || y > MAX_YEAR) return bad(`日期“${shown}”的年份不合理，应在 ${MIN_YEAR}–${MAX_YEAR} 之间`);
  const iso = isoFromParts(y, m, d);
  if (!isIsoDate(iso)) return bad(`日期“${shown}”不存在（${y}年没有${m}月${d}日）`);
  return ok(iso);
}

/**
 * Dates: 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301, an Excel serial number, or a date
 * cell. Day-first forms (01/03/2026) are refused: they are ambiguous with month-first.
 */
export function normDate(v: CellValue): Norm<string | null> {
  if (isBlankCell(v)) return ok(null);
  if (typeof v === 'object' && v !== null)
    return checkedIso(Number(v.date.slice(0, 4)), Number(v.date.slice(5, 7)), Number(v.date.slice(8, 10)), v.date);
  if (typeof v === 'boolean') return bad('应为日期，如 2026-03-01');
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) return normDate(String(v));
    // Excel serials of 1900-03-01 … 2100-12-31.
    if (v >= 61 && v < 73416) {
      const iso = excelSerialToIso(v)!;
      return checkedIso(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)), iso);
    }
    return bad(`“${v}”不是日期，请写成 2026-03-01 这样的格式`);
  }
  const s = compactText(String(v));
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return checkedIso(Number(m[1]), Number(m[2]), Number(m[3]), s);
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(s))
    return bad(`日期“${s}”的年月日顺序不明确，请写成 2026-03-01 这样的格式`);
  if (/^\d+(\.\d+)?$/.test(s)) return normDate(Number(s));
  return bad(`无法识别的日期“${cellDisplay(v)}”，请写成 2026-03-01 这样的格式`);
}

/** Required date: a blank cell is a problem. */
export function normRequiredDate(v: CellValue, label: string): Norm<string> {
  const r = normDate(v);
  if (!r.ok) return r;
  return r.value === null ? bad(`${label}未填写`) : ok(r.value);
}

/**
 * Year-month (出生年月, 任现职时间): 2026-03, 2026/3, 2026.03, 2026年3月, 202603, a full date (day
 * dropped), a date cell or serial. The number 2026.1 is refused as ambiguous: Excel stores a typed
 * "2026.10" as 2026.1, so January and October cannot be told apart.
 */
export function normYearMonth(v: CellValue): Norm<string | null> {
  if (isBlankCell(v)) return ok(null);
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) {
      const [yy, frac = ''] = String(v).split('.');
      if (frac === '1')
        return bad(`年月“${v}”含义不明（可能是 ${yy}.10 被 Excel 去掉了末尾的 0），请写成 ${yy}-01 或 ${yy}-10`);
      if (/^\d{4}$/.test(yy!) && /^\d{1,2}$/.test(frac)) return ymParts(Number(yy), Number(frac), String(v));
      return bad(`“${v}”不是年月，请写成 2026-03 这样的格式`);
    }
    if (v >= 190001 && v <= 210012) return normYearMonth(String(v));
    const d = normDate(v);
    return d.ok ? ok(d.value && d.value.slice(0, 7)) : bad(`“${v}”不是年月，请写成 2026-03 这样的格式`);
  }
  if (typeof v === 'object' && v !== null)
    return ymParts(Number(v.date.slice(0, 4)), Number(v.date.slice(5, 7)), v.date);
  if (typeof v === 'boolean') return bad('应为年月，如 2026-03');
  const s = compactText(String(v));
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (m) return ymParts(Number(m[1]), Number(m[2]), s);
  const d = normDate(s);
  if (d.ok && d.value) return ok(d.value.slice(0, 7));
  return bad(`无法识别的年月“${cellDisplay(v)}”，请写成 2026-03 这样的格式`);
}

function ymParts(y: number, m: number, shown: string): Norm<string> {
  if (y < MIN_YEAR || y > MAX_YEAR) return bad(`年月“${shown}”的年份不合理`);
  if (m < 1 || m > 12) return bad(`年月“${shown}”的月份应在 1–12 之间`);
  return ok(`${y}-${String(m).padStart(2, '0')}`);
}

/**
 * 平时考核等次. Accepted: 好 / 较好 / 一般 / 较差 and these variants, decided as follows:
 * - 优秀, 优 → 好; 良好, 良, 比较好 → 较好 (the 优秀/良好/一般/较差 wording some localities use for
 *   the same four levels, best to worst);
 * - 中, 中等 → 一般; 差, 比较差 → 较差;
 * - letters A/B/C/D are refused: localities map them differently, a wrong guess changes a grade;
 * - 称职/合格 etc. are annual grades, refused with a hint.
 */
export function normRating(v: CellValue): Norm<PeriodRatingValue | null> {
  if (isBlankCell(v)) return ok(null);
  const s = compactText(String(typeof v === 'object' && v !== null ? v.date : v));
  const map: Record<string, PeriodRatingValue> = {
    好: 'good',
    优秀: 'good',
    优: 'good',
    较好: 'fair',
    良好: 'fair',
    良: 'fair',
    比较好: 'fair',
    一般: 'average',
    中: 'average',
    中等: 'average',
    较差: 'poor',
    差: 'poor',
    比较差: 'poor',
  };
  const hit = map[s];
  if (hit) return ok(hit);
  if (/^[A-Da-d]$/.test(s)) return bad(`等次“${s}”：字母等次含义因地而异，请改为 好/较好/一般/较差`);
  if (/^(称职|合格|基本称职|基本合格|不称职|不合格)$/.test(s))
    return bad(`“${s}”是年度考核等次，平时考核等次应为 好/较好/一般/较差`);
  return bad(`等次“${cellDisplay(v)}”无法识别，应为 好/较好/一般/较差`);
}

/** 人员类别: 公务员 / 参公 (参照公务员法管理) / 事业 (事业单位工作人员). Required. */
export function normCategory(v: CellValue): Norm<PersonCategory> {
  if (isBlankCell(v)) return bad('人员类别未填写，应为 公务员/参公/事业');
  const s = compactText(cellText(v)).replace(/[()（）]/g, '');
  if (/^(公务员|行政编|行政编制)$/.test(s)) return ok('civil_servant');
  if (/^(参公|参照公务员法管理|参照公务员管理|参照管理|参公管理|参照公务员法管理人员|参公人员)$/.test(s))
    return ok('civil_servant_managed');
  if (/^(事业|事业单位|事业单位工作人员|事业编|事业编制|事业人员)$/.test(s)) return ok('institution');
  return bad(`人员类别“${cellDisplay(v)}”无法识别，应为 公务员/参公/事业`);
}

/** 是/否 (上级考核); a blank cell means 否. */
export function normYesNo(v: CellValue): Norm<boolean> {
  if (isBlankCell(v)) return ok(false);
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number' && (v === 0 || v === 1)) return ok(v === 1);
  const s = compactText(cellText(v)).toLowerCase();
  if (['是', 'y', 'yes', '√', '✓', 'true', '1', '有'].includes(s)) return ok(true);
  if (['否', 'n', 'no', '×', '✗', 'false', '0', '无', '不是'].includes(s)) return ok(false);
  return bad(`“${cellDisplay(v)}”应为 是 或 否`);
}

export function normGender(v: CellValue): Norm<'男' | '女' | null> {
  if (isBlankCell(v)) return ok(null);
  const s = compactText(cellText(v));
  if (s === '男' || s === '男性') return ok('男');
  if (s === '女' || s === '女性') return ok('女');
  return bad(`性别“${cellDisplay(v)}”应为 男 或 女`);
}

/** A whole or half number of days (天数), 0 < n ≤ 366; full-width digits accepted. */
export function normDays(v: CellValue): Norm<number | null> {
  if (isBlankCell(v)) return ok(null);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(compactText(v).replace(/天$/, '')) : NaN;
  if (!Number.isFinite(n)) return bad(`天数“${cellDisplay(v)}”应为数字`);
  if (n <= 0 || n > 366) return bad(`天数 ${n} 不合理，应在 0–366 之间`);
  if (Math.round(n * 2) !== n * 2) return bad(`天数 ${n} 应为整天或半天`);
  return ok(n);
}

/** 年度 of a history grade. */
export function normYear(v: CellValue): Norm<number> {
  if (isBlankCell(v)) return bad('年度未填写');
  const s =
    typeof v === 'number'
      ? String(v)
      : compactText(String(typeof v === 'object' && v !== null ? v.date.slice(0, 4) : v)).replace(/年度?$/, '');
  if (!/^\d{4}$/.test(s)) return bad(`年度“${cellDisplay(v)}”应为四位数字，如 2025`);
  const y = Number(s);
  if (y < 2000 || y > MAX_YEAR) return bad(`年度 ${y} 不合理`);
  return ok(y);
}

/**
 * A final grade of an earlier year (history import): either scale's labels, plus the non-grade
 * outcomes. 不定等次/不确定等次/只写评语 → comments_only; 暂缓 → deferred; 未参加/不参加 → not assessed.
 */
export function normHistoryGrade(v: CellValue): Norm<{ outcome: Outcome; grade: Grade | null }> {
  if (isBlankCell(v)) return bad('等次未填写');
  const s = compactText(cellText(v));
  const grades: Record<string, Grade> = {
    优秀: 'excellent',
    优: 'excellent',
    称职: 'competent',
    合格: 'competent',
    基本称职: 'basic',
    基本合格: 'basic',
    不称职: 'incompetent',
    不合格: 'incompetent',
  };
  const g = grades[s];
  if (g) return ok({ outcome: 'graded', grade: g });
  if (/^(不定等次|不确定等次|只写评语|只写评语不定等次|只写评语,不定等次|只写评语，不定等次)$/.test(s))
    return ok({ outcome: 'comments_only', grade: null });
  if (/^(暂缓|暂缓确定等次|暂缓定等次)$/.test(s)) return ok({ outcome: 'deferred', grade: null });
  if (/^(未参加|不参加|不参加考核|未参加考核|未参加年度考核)$/.test(s))
    return ok({ outcome: 'not_assessed', grade: null });
  return bad(
    `等次“${cellDisplay(v)}”无法识别，应为 优秀/称职/基本称职/不称职（事业单位：优秀/合格/基本合格/不合格）或 不定等次/未参加`,
  );
}

/**
 * 结果代码 of the statistics table: 1 优秀, 2 称职（合格）, 3 基本称职（基本合格）, 4 不称职（不合格），
 * 5 不确定等次, 6 未参加考核. A 5 alone is read as 只写评语、不定等次 (the 考核结果 column, when present,
 * tells it from 暂缓确定等次).
 */
export function normResultCode(v: CellValue): Norm<{ outcome: Outcome; grade: Grade | null }> {
  if (isBlankCell(v)) return bad('结果代码未填写');
  const s = typeof v === 'number' ? String(v) : compactText(cellText(v));
  const byCode: Record<string, { outcome: Outcome; grade: Grade | null }> = {
    '1': { outcome: 'graded', grade: 'excellent' },
    '2': { outcome: 'graded', grade: 'competent' },
    '3': { outcome: 'graded', grade: 'basic' },
    '4': { outcome: 'graded', grade: 'incompetent' },
    '5': { outcome: 'comments_only', grade: null },
    '6': { outcome: 'not_assessed', grade: null },
  };
  return byCode[s]
    ? ok(byCode[s])
    : bad(
        `结果代码“${cellDisplay(v)}”应为 1–6（1 优秀，2 称职/合格，3 基本称职/基本合格，4 不称职/不合格，5 不确定等次，6 未参加考核）`,
      );
}

/** Period code as written: 2026Q1, 2026年第一季度, 2026-Q1, 2026H1, 2026年上半年, 2026M03, 2026年3月. */
export function normPeriodCode(v: CellValue): Norm<string | null> {
  if (isBlankCell(v)) return ok(null);
  const s = compactText(cellText(v)).toUpperCase();
  let m = /^(\d{4})[-年]?Q([1-4])$/.exec(s);
  if (m) return ok(`${m[1]}Q${m[2]}`);
  m = /^(\d{4})年?第?([一二三四1-4])季度?$/.exec(s);
  if (m) return ok(`${m[1]}Q${'一二三四'.includes(m[2]!) ? '一二三四'.indexOf(m[2]!) + 1 : m[2]}`);
  m = /^(\d{4})[-年]?H([12])$/.exec(s);
  if (m) return ok(`${m[1]}H${m[2]}`);
  m = /^(\d{4})年?([上下])半年$/.exec(s);
  if (m) return ok(`${m[1]}H${m[2] === '上' ? 1 : 2}`);
  m = /^(\d{4})[-年]?M(\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return ok(`${m[1]}M${m[2]!.padStart(2, '0')}`);
  return bad(`期间“${cellDisplay(v)}”无法识别，应写成 2026Q1 这样的格式`);
}

/** 身份证号 (optional): the GB 11643 check of shared/domain/idcard, or blank. */
export function normIdCard(v: CellValue): Norm<string | null> {
  if (isBlankCell(v)) return ok(null);
  if (typeof v === 'number') return bad('身份证号被 Excel 存成了数字，末几位已丢失，请将该列设为文本后重新填写');
  const r = checkIdCard(compactText(cellText(v)));
  return r.ok ? ok(r.value) : bad(r.message);
}

export { cleanPersonName };
