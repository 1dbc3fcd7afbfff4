// Screens moved to the UI catalogue (renderer/src/i18n) must not slip back to Chinese written in the
// code: outside comments, a migrated file holds no Chinese character. Add a file here once its labels
// are all in the catalogue; the list grows page by page.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const MIGRATED = [
  'renderer/src/App.tsx',
  'renderer/src/routes.ts',
  'renderer/src/components/YearPicker.tsx',
  'renderer/src/components/auth/OperatorBar.tsx',
  'renderer/src/components/auth/LoginForm.tsx',
  'renderer/src/pages/ratings/index.tsx',
  'renderer/src/pages/ratings/RatingsGrid.tsx',
  'renderer/src/pages/ratings/columns.ts',
  'renderer/src/i18n/LanguageSwitch.tsx',
  'renderer/src/pages/dashboard/DeliveryCard.tsx',
  'renderer/src/pages/dashboard/DeadlinesDrawer.tsx',
  'renderer/src/components/AttachmentList.tsx',
];

/** The source without its comments (line and block), good enough for files without '//' in strings. */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('migrated screens take every label from the catalogue', () => {
  it.each(MIGRATED)('%s has no Chinese outside comments', (file) => {
    const lines = code(readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8'))
      .split('\n')
      .map((l, i) => [i + 1, l] as const)
      .filter(([, l]) => /\p{Script=Han}/u.test(l));
    expect(lines).toEqual([]);
  });
});
