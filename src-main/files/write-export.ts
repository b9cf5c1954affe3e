import { mkdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../app/write-file-atomic.js';
import type { ExportResult } from './export.js';

/**
 * Writes an export: a single-file export to `target` itself, a folder export under
 * `target`. Paths come from our own exporter, but are still kept inside the folder.
 * Returns the files written.
 */
export function writeExport(result: ExportResult, target: string): string[] {
  const entries = Object.entries(result.files);
  if (!result.folder) {
    const [, text] = entries[0]!;
    mkdirSync(dirname(resolve(target)), { recursive: true });
    writeFileAtomic(target, text);
    return [target];
  }
  const root = resolve(target);
  const written: string[] = [];
  for (const [relative, text] of entries) {
    const file = resolve(join(root, relative));
    if (!file.startsWith(root + sep)) throw new Error(`refusing to write outside ${root}: ${relative}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomic(file, text);
    written.push(file);
  }
  return written;
}
