/** A small leveled logger; main writes to stderr so the CLI's stdout stays clean. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

export function createConsoleLogger(scope: string, quiet = false): Logger {
  const line = (level: string, message: string): string => `${new Date().toISOString()} ${level} [${scope}] ${message}`;
  return {
    info: (m) => {
      if (!quiet) console.error(line('info', m));
    },
    warn: (m) => console.error(line('warn', m)),
    error: (m, err) => console.error(line('error', m), err instanceof Error ? err.stack : (err ?? '')),
  };
}

/** Remembers what it was told; for tests that assert something was logged once. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
}
