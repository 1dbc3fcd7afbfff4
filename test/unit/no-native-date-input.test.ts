// Dates are picked with the Chinese calendar (renderer/src/components/IsoDatePicker.tsx), never the
// browser's native mm/dd/yyyy field: no screen may bring one back.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('date fields', () => {
  it('no native date input in the renderer', () => {
    const root = resolve(import.meta.dirname, '../../renderer/src');
    const found = sources(root).filter((f) =>
      /type=["'{]\s*['"]?(date|month|datetime-local)\b/.test(readFileSync(f, 'utf8')),
    );
    expect(found).toEqual([]);
  });
});
