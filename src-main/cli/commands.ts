import { APP_VERSION, PRODUCT_NAME } from '../app/app-info.js';

/** Where a command writes; tests pass their own to read what was printed. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): number | Promise<number>;
}

/** Exit codes: 0 done, 1 the work failed, 2 the command line was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const version: Command = {
  name: 'version',
  summary: 'Print the version',
  usage: 'devsim version',
  run: (_args, io) => {
    io.out(`${APP_VERSION}\n`);
    return EXIT.ok;
  },
};

/** Later issues add run, validate, import, export and bench here. */
export const COMMANDS: readonly Command[] = [version];

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
