// The slow-call log: every contract call over a threshold, by method name and duration only (never
// its input or output, which hold personal data). Kept in memory for the system page and appended to
// logs/slow-calls.log beside the store, so an office can send the file when it reports slowness.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface SlowCall {
  method: string;
  ms: number;
  /** ISO time the call ended */
  at: string;
}

export const DEFAULT_SLOW_CALL_MS = 200;
const KEEP = 200;
const FILE_LIMIT = 1024 * 1024;

export class SlowCallLog {
  private readonly calls: SlowCall[] = [];
  readonly thresholdMs: number;
  readonly file: string | null;

  constructor(dataDir: string | null, thresholdMs = DEFAULT_SLOW_CALL_MS) {
    this.thresholdMs = thresholdMs;
    this.file = dataDir ? join(dataDir, 'logs', 'slow-calls.log') : null;
  }

  /** Records the call when it took at least the threshold; cheap enough to run on every call. */
  observe(method: string, ms: number, at = new Date()): void {
    if (ms < this.thresholdMs) return;
    const entry: SlowCall = { method, ms: Math.round(ms), at: at.toISOString() };
    this.calls.push(entry);
    if (this.calls.length > KEEP) this.calls.splice(0, this.calls.length - KEEP);
    this.append(entry);
  }

  /** Newest first. */
  list(): SlowCall[] {
    return [...this.calls].reverse();
  }

  private append(entry: SlowCall): void {
    if (!this.file) return;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      try {
        // One older generation is kept; the log never grows without bound.
        if (statSync(this.file).size > FILE_LIMIT) renameSync(this.file, `${this.file}.1`);
      } catch {
        /* no file yet */
      }
      appendFileSync(this.file, `${entry.at}\t${entry.method}\t${entry.ms}ms\n`);
    } catch {
      /* the log is a courtesy: a read-only folder never fails the call it measures */
    }
  }
}
