// The shipped holiday table (shared/calendar/shipped-days.ts) is generated from the chinese-days
// package, pinned to an exact version in package.json. This reads the package's own data file and
// renders the table, so the unit test can check the shipped table is exactly what the package says,
// and `npx tsx test/support/official-calendar-source.ts` regenerates it after a version bump.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface SourceEntry {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

function packageDir(): string {
  return dirname(require.resolve('chinese-days/package.json'));
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Every dated entry of the package: "New Year's Day,元旦,1" → name 元旦. */
export function sourceEntries(): SourceEntry[] {
  const data = JSON.parse(readFileSync(join(packageDir(), 'dist', 'chinese-days.json'), 'utf8')) as PackageData;
  const out: SourceEntry[] = [];
  const nameOf = (v: string) => v.split(',')[1]?.trim() || v;
  for (const [date, v] of Object.entries(data.holidays)) out.push({ date, kind: 'holiday', name: nameOf(v) });
  for (const [date, v] of Object.entries(data.workdays)) out.push({ date, kind: 'workday', name: nameOf(v) });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The TypeScript source of shared/calendar/shipped-days.ts. */
export function renderShippedTable(): string {
  const byYear = new Map<number, SourceEntry[]>();
  for (const e of sourceEntries()) {
    const y = Number(e.date.slice(0, 4));
    byYear.set(y, [...(byYear.get(y) ?? []), e]);
  }
  const lines: string[] = [
    '// GENERATED from the chinese-days package — do not edit by hand. Regenerate with',
    '// `npx tsx test/support/official-calendar-source.ts`; test/unit/official-calendar.test.ts checks it',
    '// equals the pinned package. One line per year: "MMDD名称" for a rest day (放假) and "+MMDD名称" for a',
    '// make-up working day (调休上班). The office edits later years in the app, never this file.',
    '',
    `export const SHIPPED_CALENDAR_SOURCE = 'chinese-days ${packageVersion()}';`,
    '',
    'export const SHIPPED_DAYS: Readonly<Record<number, string>> = {',
  ];
  for (const [y, entries] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const parts = entries.map(
      (e) => `${e.kind === 'workday' ? '+' : ''}${e.date.slice(5, 7)}${e.date.slice(8, 10)}${e.name}`,
    );
    lines.push(`  ${y}: '${parts.join(' ')}',`);
  }
  lines.push('};', '');
  return lines.join('\n');
}

if (process.argv[1] && /official-calendar-source\.ts$/.test(process.argv[1])) {
  const out = join(import.meta.dirname, '..', '..', 'shared', 'calendar', 'shipped-days.ts');
  writeFileSync(out, renderShippedTable());
  console.log(`wrote ${out}`);
}
