// Command-line commands of assessment years, periods, quarterly ratings and the office review.
import type { CliCommand } from '../command';

export const yearsCommands: CliCommand[] = [];
