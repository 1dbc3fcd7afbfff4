// Command-line commands of spreadsheets in and out: templates, imports with preview, error reports.
import type { CliCommand } from '../command';

export const importsCommands: CliCommand[] = [];
