// The text fields of a person, a period rating and an evidence item, each defined once: its Chinese name and the
// longest value the store takes. The contract's zod schemas (shared/api/roster.ts, years.ts), the
// spreadsheet import's cell checks (electron/core/import/kind-*.ts), the import columns'
// headers (shared/import/columns.ts) and the renderer's input limits all read it from here.

export interface TextField {
  /** the name the clerk reads: a form label, a column header, an error message */
  label: string;
  /** the most characters a value may have */
  max: number;
}

export const PERSON_FIELDS = {
  personNo: { label: '人员编号', max: 40 },
  name: { label: '姓名', max: 40 },
  politicalStatus: { label: '政治面貌', max: 40 },
  education: { label: '文化程度', max: 40 },
  position: { label: '职务职级', max: 100 },
  duties: { label: '从事或分管工作', max: 500 },
} as const satisfies Record<string, TextField>;

export const RATING_FIELDS = {
  workRecord: { label: '工作纪实', max: 4000 },
  selfAssessment: { label: '个人自评', max: 2000 },
  comment: { label: '评语', max: 1000 },
  rater: { label: '评价人', max: 40 },
} as const satisfies Record<string, TextField>;

/** The free-text fields an evidence item of any kind may carry (shared/evidence/fields.ts). */
export const EVIDENCE_FIELDS = {
  description: { label: '说明', max: 2000 },
  docNo: { label: '文号', max: 100 },
  /** 对方单位 of a transfer */
  otherUnit: { label: '对方单位', max: 100 },
  /** 负面清单事项 */
  item: { label: '负面清单事项', max: 100 },
  /** the role of a 岗位否决 */
  role: { label: '岗位名称', max: 60 },
  /** why an item was voided (evidence.void) */
  voidReason: { label: '作废原因', max: 500 },
} as const satisfies Record<string, TextField>;

/** “姓名最多 40 个字”: the one wording of a too-long value. */
export const tooLong = (f: TextField): string => `${f.label}最多 ${f.max} 个字`;
