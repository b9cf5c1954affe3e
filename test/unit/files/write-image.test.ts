import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PNG_SIGNATURE, writeImage } from '../../../src-main/files/write-image.js';
import { createFileHandlers } from '../../../src-main/files/handlers.js';

const dirs: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'devsim-image-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('saving a picture of the diagram (desktop)', () => {
  it('writes PNG bytes from base64 and SVG text, creating the folder, leaving no temporary file', () => {
    const dir = temp();
    const png = Buffer.concat([Buffer.from(PNG_SIGNATURE), Buffer.from('rest of the image')]);
    const a = writeImage(join(dir, 'pics', 'shop.png'), 'png', png.toString('base64'));
    expect(readFileSync(a)).toEqual(png);
    const b = writeImage(join(dir, 'shop.svg'), 'svg', '<svg xmlns="http://www.w3.org/2000/svg"><text>api</text></svg>');
    expect(readFileSync(b, 'utf8')).toContain('<text>api</text>');
    expect(readdirSync(dir).sort()).toEqual(['pics', 'shop.svg']);
  });

  it('refuses data that is not the format it claims, and relative paths, saying why', () => {
    const dir = temp();
    expect(() => writeImage(join(dir, 'x.png'), 'png', Buffer.from('GIF89a').toString('base64'))).toThrow(/not a PNG image/);
    expect(() => writeImage(join(dir, 'x.svg'), 'svg', '<html></html>')).toThrow(/not an SVG image/);
    expect(() => writeImage('x.png', 'png', 'iVBORw0KGgo=')).toThrow(/must be absolute: x.png/);
    expect(readdirSync(dir)).toEqual([]);
    // Through the contract handler the failure is a BAD_REQUEST naming the path.
    const target = join(dir, 'y.svg');
    expect(() => createFileHandlers().saveImage({ path: target, format: 'svg', data: 'nope' })).toThrow(new RegExp(`Could not save the picture to ${target}`));
  });
});
