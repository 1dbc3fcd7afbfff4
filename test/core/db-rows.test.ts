// The row types in electron/core/db/rows.ts are generated from the migrations: a migration that adds
// or changes a column without regenerating them fails here, naming the command that fixes it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROWS_FILE, rowsSource } from '../../tools/gen-rows';

describe('generated row types', () => {
  it('match the schema the migrations build (else run `npx tsx tools/gen-rows.ts`)', () => {
    const fresh = rowsSource();
    expect(fresh).toContain('export interface PersonRow {');
    expect(fresh).toContain("  status: 'active' | 'left';");
    expect(readFileSync(ROWS_FILE, 'utf8')).toBe(fresh);
  });
});
