// The installed program's --cli switch: arguments after it go to the CLI, the process exits with the
// CLI's code, and a running window (the single-instance lock held) refuses the CLI in one line.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const exit = vi.fn();
let lock = true;
vi.mock('electron', () => ({ app: { exit, requestSingleInstanceLock: () => lock } }));

const { cliArguments, runCliMode } = await import('../../electron/main/cli-mode');

beforeEach(() => {
  exit.mockClear();
  lock = true;
});

describe('--cli', () => {
  it('takes the arguments after --cli, wherever Electron put its own first', () => {
    expect(cliArguments(['C:\\DA\\DynamicAssessment.exe', '--cli', 'backup', '--to', 'E:\\备份'])).toEqual([
      'backup',
      '--to',
      'E:\\备份',
    ]);
    expect(cliArguments(['/usr/bin/electron', '.', '--cli', 'verify-audit'])).toEqual(['verify-audit']);
    expect(cliArguments(['DynamicAssessment.exe'])).toBeNull();
  });

  it('runs the command on the store and exits with its code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-climode-'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    runCliMode(['verify-audit', '--data-dir', dir]);
    // The CLI is loaded on demand (the window's start never loads it): its first import takes a while.
    await vi.waitFor(() => expect(exit).toHaveBeenCalled(), { timeout: 20_000 });
    expect(exit).toHaveBeenCalledWith(0);
    expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/审计链完整/);
    log.mockRestore();
  });

  it('refuses while the window is open, naming what to do', () => {
    lock = false;
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    runCliMode(['verify-audit']);
    expect(exit).toHaveBeenCalledWith(3);
    expect(String(err.mock.calls[0]![0])).toMatch(/请先关闭它再使用命令行/);
    err.mockRestore();
  });
});
