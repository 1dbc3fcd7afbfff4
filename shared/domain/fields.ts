// The text fields of a person and of a period rating, each defined once: its Chinese name and the
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

/** “姓名最多 40 个字”: the one wording of a too-long value. */
export const tooLong = (f: TextField): string => `${f.label}最多 ${f.max} 个字`;
