// Command-line commands of operators, log-in, the audit trail and backups.
import type { CliCommand } from '../command';

export const trustCommands: CliCommand[] = [];
