// `DynamicAssessment.exe --cli backup --to E:\备份`: the installed program runs the command-line tool
// in its own main process (which is Node), so IT staff can back up, verify the audit chain or export
// a pack on a machine with no Node installed, while the RunAsNode fuse stays off. No window opens.
import { app } from 'electron';

/** The CLI's arguments when the program was started with --cli, else null. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at < 0 ? null : argv.slice(at + 1);
}

export function runCliMode(args: string[]): void {
  // One process on the store at a time: the window and the CLI exclude each other.
  if (!app.requestSingleInstanceLock()) {
    console.error('动态考核 程序窗口正在运行，请先关闭它再使用命令行。/ The app is open: close its window first.');
    app.exit(3);
    return;
  }
  // Loaded only here: the CLI brings every command (and exceljs), which the window's start never needs.
  import('../cli/index')
    .then(({ runCli }) => runCli(args))
    .then(
      (code) => app.exit(code),
      (e: unknown) => {
        console.error(`程序错误 / internal error: ${e instanceof Error ? e.message : String(e)}`);
        app.exit(1);
      },
    );
}
