import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useNodesState, type NodeMouseHandler, type OnNodeDrag } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo } from 'react';
import type { Finding, Topology } from '../../../../../src-preload/contract/index.js';
import { DeviceNode, FrameNode } from './CanvasNodes.js';
import { documentPosition, toFlow, type FlowNode } from './flow-model.js';
import './canvas.css';

const NODE_TYPES = { device: DeviceNode, frame: FrameNode };
const SNAP: [number, number] = [16, 16];

interface Props {
  document: Topology;
  findings: Finding[];
  selected: string | null;
  onSelect(id: string | null): void;
  /** Called once per finished drag, with the node's new document position. */
  onMove(id: string, position: { x: number; y: number }): void;
}

/** The open document drawn as a graph: pan, zoom, minimap; dragging a node moves it in the document. */
export function TopologyCanvas({ document, findings, selected, onSelect, onMove }: Props): React.JSX.Element {
  const model = useMemo(() => toFlow(document, selected, findings), [document, selected, findings]);
  const [nodes, setNodes, onNodesChange] = useNodesState<FlowNode>(model.nodes);
  // The document is the truth: a new revision (or selection) replaces what the drag left behind.
  useEffect(() => setNodes(model.nodes), [model, setNodes]);

  const onNodeDragStop = useCallback<OnNodeDrag<FlowNode>>(
    (_event, node) => {
      if (node.type === 'device') onMove(node.id, documentPosition(node, model.origins));
    },
    [model, onMove],
  );
  const onNodeClick = useCallback<NodeMouseHandler<FlowNode>>((_event, node) => onSelect(node.type === 'device' ? node.id : null), [onSelect]);

  return (
    <div className="topology-canvas" data-testid="canvas">
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={model.edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onPaneClick={() => onSelect(null)}
        nodesConnectable={false}
        snapToGrid
        snapGrid={SNAP}
        fitView
        minZoom={0.1}
      >
        <Background variant={BackgroundVariant.Dots} gap={SNAP[0]} />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
