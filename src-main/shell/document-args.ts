// Finds the topology document a person asked to open on the command line (or that the OS
// passed when they double-clicked a *.devsim.yaml file).
import { isAbsolute, resolve } from 'node:path';

export const DOCUMENT_SUFFIX = '.devsim.yaml';

/** The first argument naming a *.devsim.yaml file, made absolute against cwd. */
export function findDocumentArgument(argv: readonly string[], cwd: string): string | undefined {
  // argv[0] is the executable; flags (Chromium's included) start with "-".
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || arg.includes('\0') || arg.length > 4096) continue;
    if (!arg.toLowerCase().endsWith(DOCUMENT_SUFFIX)) continue;
    return isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg);
  }
  return undefined;
}
