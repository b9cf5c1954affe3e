import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * Writes a picture of the diagram: PNG bytes sent as base64, or SVG text. Refuses what is not
 * the format it claims (no PNG signature, no <svg>) and relative paths, naming the problem.
 * Written through a temporary file and a rename, so a crash never leaves half a picture.
 */
export function writeImage(path: string, format: 'png' | 'svg', data: string): string {
  if (!isAbsolute(path)) throw new Error(`an image path must be absolute: ${path}`);
  const bytes = format === 'png' ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8');
  if (format === 'png' && !PNG_SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('the data is not a PNG image (no PNG signature)');
  if (format === 'svg' && !/<svg[\s>]/.test(data.slice(0, 4096))) throw new Error('the data is not an SVG image (no <svg> element)');
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
  return target;
}
