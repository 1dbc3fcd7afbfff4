// How people are ordered inside a department, in lists and in the pack: by 人员编号, or by 姓氏笔画
// (stroke-order.ts). Kept apart from the stroke table so contracts and the renderer can name the
// choice without carrying the table.
export const PERSON_ORDERS = ['personNo', 'strokes'] as const;
export type PersonOrder = (typeof PERSON_ORDERS)[number];
