import { useMemo } from 'react';
import type { Topology } from '../../../../src-preload/contract/index.js';
import { NODE_HEIGHT, NODE_WIDTH } from '../topology/canvas/flow-model.js';
import { previewShapes } from './template-preview.js';

/** A miniature of the template's diagram, as the canvas will lay it out. */
export function TemplatePreview({ document }: { document: Topology }): React.JSX.Element {
  const shapes = useMemo(() => previewShapes(document), [document]);
  return (
    <svg className="template-preview" viewBox={shapes.viewBox} preserveAspectRatio="xMidYMid meet" aria-hidden="true" data-testid="template-preview" data-nodes={shapes.nodes.length}>
      {shapes.frames.map((f, i) => (
        <rect key={`f${i}`} className={`preview-frame preview-${f.type}`} x={f.x} y={f.y} width={f.width} height={f.height} rx={12} />
      ))}
      {shapes.links.map((l, i) => (
        <line key={`l${i}`} className="preview-link" x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} />
      ))}
      {shapes.nodes.map((n) => (
        <rect key={n.id} className={`preview-node preview-kind-${n.kind}`} x={n.x} y={n.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={10} />
      ))}
    </svg>
  );
}
