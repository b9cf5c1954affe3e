import { APP_VERSION, PRODUCT_NAME } from '../app/app-info.js';
import type { Command } from './command.js';
import { autoscaleCompareCommand } from './commands/autoscale-compare.js';
import { detectCommand } from './commands/detect.js';
import { exportCommand } from './commands/export.js';
import { forecastCommand } from './commands/forecast.js';
import { importCommand } from './commands/import.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import { versionCommand } from './commands/version.js';

export { EXIT, type CliIo, type Command } from './command.js';

/** Later issues add bench here. */
export const COMMANDS: readonly Command[] = [validateCommand, runCommand, exportCommand, importCommand, detectCommand, forecastCommand, autoscaleCompareCommand, schemaCommand, versionCommand];

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4) + 2;
  const lines = [
    `devsim ${APP_VERSION}: the ${PRODUCT_NAME} command line`,
    '',
    'Usage: devsim <command> [options]',
    '       devsim --help | --version',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}Show this help, or a command's: devsim help <command>`,
    '',
    'The desktop app: npm start. Browser mode: npm run web.',
  ];
  return `${lines.join('\n')}\n`;
}
