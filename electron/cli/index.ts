// 动态考核 command-line tool, started from a source checkout: npm run cli -- <command> [args] [--data-dir DIR]
// The installed program runs the same tool with --cli (electron/main/cli-mode.ts).
import { runCli } from './run';

export { COMMANDS, TEST_NOW_VAR, runCli, type RunCliOptions } from './run';

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
