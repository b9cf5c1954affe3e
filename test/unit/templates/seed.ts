import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
/** The steering copy beside the repository (in CI and for the engineers), else the vendored one. */
export const SHARED_SEED = resolve(root, '../shared/seed/system-architecture.md');
export const VENDORED_SEED = resolve(root, 'resources/seed/system-architecture.md');

export const readSeed = (): string => readFileSync(existsSync(SHARED_SEED) ? SHARED_SEED : VENDORED_SEED, 'utf8');

const clean = (cell: string): string => cell.replace(/\*\*/g, '').replace(/\*/g, '').trim();

/** The text of one section: from its heading to the next heading of the same or higher level. */
export function section(markdown: string, heading: RegExp): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^#{1,6} /.test(l) && heading.test(l));
  if (start < 0) throw new Error(`the seed has no section matching ${heading}`);
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** A markdown table as rows of cells keyed by header. */
export function table(markdown: string): Record<string, string>[] {
  const rows = markdown.split('\n').filter((l) => l.trim().startsWith('|'));
  const split = (l: string): string[] => l.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map(clean);
  const header = split(rows[0] ?? '');
  return rows.slice(2).map((r) => Object.fromEntries(split(r).map((cell, i) => [header[i] ?? String(i), cell])));
}

/** `- **Key**: value` bullet lists as a map. */
export function bullets(markdown: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of markdown.split('\n')) {
    const m = /^\s*-\s+\*\*(.+?)\*\*:?\s*(.*)$/.exec(line);
    if (m) out[m[1]!.replace(/:$/, '').trim()] = m[2]!.replace(/^:\s*/, '').trim();
  }
  return out;
}
