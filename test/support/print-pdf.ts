// Converts a workbook to PDF with LibreOffice exactly as ../shared/tools/xlsx-print-preview does
// (a private profile per conversion, office fonts mapped by resources/print/fonts.conf) and reads
// the page count and every page's size with pdfinfo.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

export const FONTS_CONF = resolve(import.meta.dirname, '../../resources/print/fonts.conf');

export function hasLibreOffice(): boolean {
  return spawnSync('sh', ['-c', 'command -v soffice && command -v pdfinfo'], { encoding: 'utf8' }).status === 0;
}

export function xlsxToPdf(file: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'da-lo-profile-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file],
      {
        env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF },
        stdio: 'ignore',
        timeout: 300_000,
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = join(outDir, basename(file).replace(/\.xlsx$/, '.pdf'));
  if (!existsSync(pdf)) throw new Error(`LibreOffice could not convert ${file}`);
  return pdf;
}

export interface PdfPages {
  count: number;
  /** width × height of each page, points */
  sizes: { w: number; h: number }[];
}

export function pdfPages(pdf: string): PdfPages {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const sizes = [...info.matchAll(/Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({
    w: Number(m[1]),
    h: Number(m[2]),
  }));
  return { count, sizes };
}

/** A4 in points, either orientation, with a point of tolerance. */
export function fitsA4(s: { w: number; h: number }): boolean {
  const [a, b] = [Math.min(s.w, s.h), Math.max(s.w, s.h)];
  return a <= 595.3 + 1 && b <= 841.9 + 1;
}

/** Characters a printed line must not start with (the Chinese line rules, shared/sheets/line-break.ts). */
const NO_LINE_START = /^[，。、；：！？）》」』】〕”’]/;

/**
 * Every printed line (as poppler groups the words laid out on a page) that starts with closing
 * punctuation, as "page N: text" — what a reader's own wrapping of a cell would have produced.
 */
export function linesStartingWithPunctuation(pdf: string): string[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const found: string[] = [];
  xml.split('<page ').forEach((page, i) => {
    for (const line of page.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)) {
      const text = [...(line[1] ?? '').matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
      if (NO_LINE_START.test(text)) found.push(`page ${i}: ${text.slice(0, 30)}`);
    }
  });
  return found;
}
