/** Where a command writes; tests pass their own to read what was printed. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars draw only there). */
  errTTY?: boolean;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): number | Promise<number>;
}

/** Exit codes: 0 done, 1 the work failed or found problems, 2 the command line was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A wrong command line; runCli prints the message with the command's usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
