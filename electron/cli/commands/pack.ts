// Command-line commands of the Excel evaluation pack: sheet models, preview, export.
import type { CliCommand } from '../command';

export const packCommands: CliCommand[] = [];
