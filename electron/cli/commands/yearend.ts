// Command-line commands of year end: suggestions with traces, quotas, decisions, stages, redress.
import type { CliCommand } from '../command';

export const yearendCommands: CliCommand[] = [];
