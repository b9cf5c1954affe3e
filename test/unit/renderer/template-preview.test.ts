import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { topologySchema } from '../../../src-preload/contract/index.js';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../src-renderer/src/features/topology/canvas/flow-model.js';
import { previewShapes } from '../../../src-renderer/src/features/welcome/template-preview.js';

const dir = resolve(import.meta.dirname, '../../../resources/templates');
const templates = readdirSync(dir).filter((f) => f.endsWith('.devsim.yaml'));

describe('template previews: each shipped template in miniature, laid out as the canvas draws it', () => {
  it.each(templates)('%s: a box per node, a frame per group, a line per link, all inside the view box', (file) => {
    const doc = topologySchema.parse(parse(readFileSync(resolve(dir, file), 'utf8')));
    const shapes = previewShapes(doc);
    expect(shapes.nodes.map((n) => n.id).sort()).toEqual(Object.keys(doc.nodes).sort());
    expect(shapes.frames).toHaveLength(Object.keys(doc.groups ?? {}).length);
    expect(shapes.links).toHaveLength(doc.links.length);

    const [x0, y0, w, h] = shapes.viewBox.split(' ').map(Number) as [number, number, number, number];
    for (const n of shapes.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(x0);
      expect(n.y).toBeGreaterThanOrEqual(y0);
      expect(n.x + NODE_WIDTH).toBeLessThanOrEqual(x0 + w);
      expect(n.y + NODE_HEIGHT).toBeLessThanOrEqual(y0 + h);
    }
    // No two node boxes on top of each other: the miniature reads like the canvas.
    for (const a of shapes.nodes)
      for (const b of shapes.nodes) if (a !== b) expect(Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT).toBe(true);
  });
});
