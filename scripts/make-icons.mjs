#!/usr/bin/env node
// Renders every app icon from the one source, resources/icon.svg:
//   resources/icons/png/<size>.png  (Linux, the window icon, electron-builder's icon set)
//   resources/icons/icon.ico        (Windows: 16–256, BMP below 256 for the installer tools)
//   resources/icons/icon.icns       (macOS: 16–1024)
// Run `npm run icons` after changing the SVG and commit the results.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'resources', 'icon.svg');
const outDir = join(root, 'resources', 'icons');

function render(svg, size) {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' });
  return resvg.render().asPng();
}

function main() {
  const svg = readFileSync(source);
  mkdirSync(join(outDir, 'png'), { recursive: true });
  const pngs = new Map();
  for (const size of ICON_SIZES) {
    const png = render(svg, size);
    pngs.set(size, png);
    writeFileSync(join(outDir, 'png', `${size}.png`), png);
  }
  const largest = pngs.get(1024);
  const ico = png2icons.createICO(largest, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(largest, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not convert the 1024 px icon');
  writeFileSync(join(outDir, 'icon.ico'), ico);
  writeFileSync(join(outDir, 'icon.icns'), icns);
  console.log(`icons: ${ICON_SIZES.length} PNGs, icon.ico (${ico.length} B), icon.icns (${icns.length} B) in ${outDir}`);
}

main();
