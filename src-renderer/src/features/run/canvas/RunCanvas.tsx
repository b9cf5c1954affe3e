import { Background, Controls, ReactFlow, type Edge, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../../stores/context.js';
import { defaultPicked } from '../series-select.js';
import { useRunKinds } from '../use-run-kinds.js';
import { RunDeviceNode, RunFrameNode } from './RunCanvasNodes.js';
import { liveFlow, type RunFlowNode } from './run-flow.js';
import './run-canvas.css';

/** The canvas follows the run at most four times a second. */
const REFRESH_MS = 250;
const NODE_TYPES: NodeTypes = { 'run-device': RunDeviceNode as NodeTypes[string], frame: RunFrameNode as NodeTypes[string] };

/** The document as the run simulated it: read-only; clicking a node puts it on the charts (Shift adds it). */
export function RunCanvas(): React.JSX.Element {
  const run = useAppStore((s) => s.run)!;
  const doc = run.document;
  const pickedState = useAppStore((s) => s.runPicked);
  const setPicked = useAppStore((s) => s.setRunPicked);
  const kinds = useRunKinds();
  const picked = useMemo(() => pickedState ?? defaultPicked(run.series.nodes, kinds), [pickedState, run.series.nodes, kinds]);

  // The version the canvas shows: caught up on a fixed beat, so a steady stream of records
  // (ten batches a second) still redraws it four times a second and no more.
  const latest = useRef(run.version);
  latest.current = run.version;
  const [shown, setShown] = useState(run.version);
  useEffect(() => {
    const beat = setInterval(() => setShown(latest.current), REFRESH_MS);
    return () => clearInterval(beat);
  }, []);

  const flow = useMemo<{ nodes: RunFlowNode[]; edges: Edge[] } | null>(
    () => (doc ? liveFlow(doc, run.series, run.log, picked) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shown` stands for the series and log growing in place
    [doc, run.id, shown, picked],
  );
  if (!flow)
    return (
      <p className="muted small" data-testid="run-canvas-none">
        The document this run simulated could not be read back, so there is no canvas to follow it on.
      </p>
    );
  return (
    <section className="run-canvas" aria-label="Topology during the run" data-testid="run-canvas" data-version={shown}>
      <ReactFlow<RunFlowNode>
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        onNodeClick={(e, node) => {
          if (node.type !== 'run-device') return;
          setPicked(e.shiftKey ? [...picked, node.id] : [node.id]);
        }}
        fitView
        minZoom={0.1}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </section>
  );
}
