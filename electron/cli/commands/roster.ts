// Command-line commands of units and people: the roster (人员名册).
import type { CliCommand } from '../command';

export const rosterCommands: CliCommand[] = [];
