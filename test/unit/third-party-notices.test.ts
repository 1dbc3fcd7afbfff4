// THIRD-PARTY-NOTICES.md covers what ships (production dependencies and their closure, and the
// packages vite bundles) and nothing that does not; it is regenerated whenever the lock changes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { NOTICES_FILE, renderNotices } from '../../tools/third-party-notices';

describe('third-party notices', () => {
  const text = renderNotices();

  it('is up to date with package-lock.json (else: npx tsx tools/third-party-notices.ts)', () => {
    expect(readFileSync(NOTICES_FILE, 'utf8') === text, 'THIRD-PARTY-NOTICES.md is out of date').toBe(true);
  });

  it('names the shipped packages with their licences and leaves the tooling out', () => {
    for (const name of ['better-sqlite3', 'exceljs', 'zod', 'yauzl', 'react', 'antd', 'echarts', 'dayjs'])
      expect(text).toMatch(new RegExp(`^\\| ${name} \\| [^|]+ \\| [^|]+ \\|$`, 'm'));
    expect(text).toMatch(/^\| better-sqlite3 \| 13\.\d+\.\d+ \| MIT \|$/m);
    for (const tool of ['vitest', 'electron-builder', 'typescript', 'eslint', 'vite', 'playwright-core'])
      expect(text).not.toMatch(new RegExp(`^\\| ${tool} \\|`, 'm'));
    expect(text).toContain('Copyright'); // licence texts are included, not only names
  });
});
