import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';

const resources = join(import.meta.dirname, '../../../resources');

describe('app icons', () => {
  it('are generated from resources/icon.svg and up to date with it (else run `npm run icons`)', () => {
    const svg = readFileSync(join(resources, 'icon.svg'));
    for (const size of [32, 256]) {
      const fresh = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render();
      expect(fresh.width).toBe(size);
      const committed = readFileSync(join(resources, 'icons', 'png', `${size}.png`));
      expect(Buffer.compare(fresh.asPng(), committed), `${size}.png`).toBe(0);
    }
  });

  it('have a square, transparent-cornered source', () => {
    const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
    expect(svg).toMatch(/viewBox="0 0 1024 1024"/);
    const image = new Resvg(svg, { fitTo: { mode: 'width', value: 64 } }).render();
    const pixels = image.pixels;
    expect(pixels[3]).toBe(0); // top-left corner alpha: rounded square, not a full bleed
    const centre = (32 * 64 + 32) * 4;
    expect(pixels[centre + 3]).toBe(255);
  });
});
