// Renders resources/build/icon.svg to the 512×512 PNG electron-builder takes for every target (it
// makes the Windows .ico from it). Run once after changing the SVG: npx tsx tools/render-icon.ts
// Uses the Debian Chromium the e2e tests use, so the glyph comes from the machine's Noto CJK font.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dir = resolve(import.meta.dirname ?? __dirname, '../resources/build');

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
    const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.screenshot({ path: join(dir, 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
  }
}

void main();
