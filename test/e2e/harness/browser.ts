// Debian's Chromium driven by playwright-core (never a downloaded browser), offline by flags.
import { chromium, type Browser, type Page } from 'playwright-core';
import { API_SHIM } from './server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=zh-CN',
    ],
  });
}

/** The smallest screen an office workstation still has; every page must be usable at this size. */
export const SMALL_SCREEN = { width: 1366, height: 768 };

export async function openApp(
  browser: Browser,
  baseUrl: string,
  route = 'dashboard',
  viewport: { width: number; height: number } = { width: 1440, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  await context.addInitScript(API_SHIM);
  const page = await context.newPage();
  // Any request leaving the machine fails the test: the app must work air-gapped.
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(baseUrl) && !u.startsWith('data:')) throw new Error(`request outside the app: ${u}`);
  });
  await page.goto(`${baseUrl}/#/${route}`);
  return page;
}

/** Resolves once the page has painted two more frames: what a key press or a resize changed is on
 *  screen (React commits synchronously for discrete events). A condition, not a fixed sleep. */
export async function framesRendered(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}
