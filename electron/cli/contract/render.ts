// How a method's result is printed without --json: scalars as `key: value`, lists of records as a
// tab-separated table (their scalar columns), nested records one level down. With --json the value
// is printed whole, exactly as the contract's output schema describes it.
import type { CliIo } from '../command';

type Scalar = string | number | boolean | null;

const isScalar = (v: unknown): v is Scalar => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const cell = (v: Scalar): string => (v === null ? '' : String(v).replace(/\s+/g, ' ').slice(0, 80));

function table(io: CliIo, rows: unknown[], indent: string): void {
  if (rows.length === 0) {
    io.out(`${indent}（无 / none）`);
    return;
  }
  if (rows.every(isScalar)) {
    io.out(indent + rows.map(cell).join('、'));
    return;
  }
  const first = rows.find((r) => r && typeof r === 'object') as Record<string, unknown> | undefined;
  if (!first) return;
  const cols = Object.keys(first).filter((k) => isScalar(first[k]));
  io.out(indent + cols.join('\t'));
  for (const r of rows) {
    const o = (r ?? {}) as Record<string, unknown>;
    io.out(indent + cols.map((c) => (isScalar(o[c]) ? cell(o[c]) : '…')).join('\t'));
  }
}

function record(io: CliIo, value: Record<string, unknown>, indent: string, depth: number): void {
  for (const [k, v] of Object.entries(value)) {
    if (isScalar(v)) io.out(`${indent}${k}: ${cell(v)}`);
    else if (Array.isArray(v)) {
      io.out(`${indent}${k}（${v.length}）:`);
      if (depth < 2) table(io, v, indent + '  ');
    } else if (v && typeof v === 'object') {
      io.out(`${indent}${k}:`);
      if (depth < 2) record(io, v as Record<string, unknown>, indent + '  ', depth + 1);
    }
  }
}

export function printValue(io: CliIo, value: unknown, json: boolean): void {
  if (json) {
    io.out(JSON.stringify(value, null, 2));
    return;
  }
  if (isScalar(value)) io.out(cell(value));
  else if (Array.isArray(value)) table(io, value, '');
  else if (value && typeof value === 'object') record(io, value as Record<string, unknown>, '', 0);
}
