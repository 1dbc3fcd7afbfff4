// Command-line commands of evidence of the year, the per-person timeline and the progress dashboard.
import type { CliCommand } from '../command';

export const evidenceCommands: CliCommand[] = [];
