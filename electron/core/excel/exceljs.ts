// exceljs takes a good part of a second to load on an office PC. The core thread loads it the first
// time a workbook is read or written, not at start-up, so the log-in screen does not wait for it.
// A plain require (not import()): the packaged app resolves it inside app.asar like every other module.
import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';

type ExcelJS = typeof ExcelJSModule;
let loaded: ExcelJS | undefined;

/** The exceljs module, loaded once on first use. */
export function loadExcelJS(): ExcelJS {
  loaded ??= createRequire(__filename)('exceljs') as ExcelJS;
  return loaded;
}
