// zod's issues rendered for clerks: the field path and a Chinese sentence on what to fix.
import type { z } from 'zod';

export interface FieldIssue {
  field: string;
  message: string;
}

export function zodIssuesToChinese(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues
    .slice(0, 20)
    .map((i) => ({ field: i.path.length ? i.path.join('.') : '（整体）', message: describe(i) }));
}

function describe(i: z.core.$ZodIssue): string {
  if (/[\u4e00-\u9fff]/.test(i.message)) return i.message; // a schema's own Chinese message (naming the field) wins
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined ? '必填' : `类型不对，应为 ${typeName(i.expected)}`;
    case 'too_big':
      return i.origin === 'string' ? `过长，最多 ${String(i.maximum)} 个字` : `过大，最大为 ${String(i.maximum)}`;
    case 'too_small':
      return i.origin === 'string'
        ? Number(i.minimum) <= 1
          ? '不能为空'
          : `过短，至少 ${String(i.minimum)} 个字`
        : `过小，最小为 ${String(i.minimum)}`;
    case 'unrecognized_keys':
      return `包含未知字段：${i.keys.join('、')}`;
    case 'invalid_value':
      return `取值无效，可选：${i.values.map(String).join('、')}`;
    case 'invalid_format':
      return `格式不正确（${i.format}）`;
    case 'custom':
      return i.message;
    default:
      return i.message;
  }
}

function typeName(t: string): string {
  return (
    (
      { string: '文本', number: '数字', boolean: '是/否', object: '对象', array: '列表', date: '日期' } as Record<
        string,
        string
      >
    )[t] ?? t
  );
}
