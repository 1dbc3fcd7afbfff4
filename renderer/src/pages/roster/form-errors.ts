// Puts a server error's field issues next to the form fields they name; returns what is left over
// (a message with no field, shown above the form).
import type { FormInstance } from 'antd';
import type { ApiError } from '../../api/client';

interface Issue {
  field: string;
  message: string;
}

export function applyFieldErrors(form: FormInstance, error: ApiError, fieldNames: readonly string[]): string | null {
  const issues = (error.error.details as { issues?: Issue[] } | undefined)?.issues ?? [];
  // contract paths look like "changes.personNo" for updates; the form knows only "personNo"
  const known = issues
    .map((i) => ({ name: i.field.split('.').at(-1) ?? i.field, message: i.message }))
    .filter((i) => fieldNames.includes(i.name));
  if (known.length > 0) {
    form.setFields(known.map((i) => ({ name: i.name, errors: [i.message] })));
    return known.length === issues.length && error.error.code === 'INVALID_INPUT' ? null : error.message;
  }
  return error.message;
}
