import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useEdgesState,
  useNodesState,
  type Edge,
  type NodeMouseHandler,
  type OnConnect,
  type OnDelete,
  type OnNodeDrag,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding, LinkType, NodeKind, Topology } from '../../../../../src-preload/contract/index.js';
import { DeviceNode, FrameNode } from './CanvasNodes.js';
import { documentPosition, linkIndexOf, NODE_HEIGHT, NODE_WIDTH, toFlow, type FlowNode } from './flow-model.js';
import { Palette, PALETTE_MIME } from './Palette.js';
import './canvas.css';

const NODE_TYPES = { device: DeviceNode, frame: FrameNode };
const SNAP: [number, number] = [16, 16];
const DELETE_KEYS = ['Delete', 'Backspace'];

interface Props {
  document: Topology;
  findings: Finding[];
  selected: string | null;
  onSelect(id: string | null): void;
  /** Called once per finished drag, with the node's new document position. */
  onMove(id: string, position: { x: number; y: number }): void;
  /** A node of `kind` dropped (or picked) at a document position. */
  onAdd(kind: NodeKind, position: { x: number; y: number }): void;
  /** A connection dragged from one node's handle to another's; `type` null: chosen by the kinds. */
  onConnect(from: string, to: string, type: LinkType | null): void;
  /** The selected nodes and links (by index) deleted with Delete or Backspace. */
  onDelete(nodeIds: string[], linkIndexes: number[]): void;
  /** Why the last connection was refused, shown over the canvas. */
  refusal: string | null;
}

/** The open document drawn as a graph: pan, zoom, minimap; edits (move, add, connect, delete) go to the document. */
export function TopologyCanvas({ document, findings, selected, onSelect, onMove, onAdd, onConnect, onDelete, refusal }: Props): React.JSX.Element {
  const model = useMemo(() => toFlow(document, selected, findings), [document, selected, findings]);
  const [nodes, setNodes, onNodesChange] = useNodesState<FlowNode>(model.nodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>(model.edges);
  // The document is the truth: a new revision (or selection) replaces what the drag left behind.
  useEffect(() => setNodes(model.nodes), [model, setNodes]);
  useEffect(() => setEdges(model.edges), [model, setEdges]);
  const [flow, setFlow] = useState<ReactFlowInstance<FlowNode> | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const [linkType, setLinkType] = useState<LinkType | null>(null);

  const onNodeDragStop = useCallback<OnNodeDrag<FlowNode>>(
    (_event, node) => {
      if (node.type === 'device') onMove(node.id, documentPosition(node, model.origins));
    },
    [model, onMove],
  );
  const onNodeClick = useCallback<NodeMouseHandler<FlowNode>>((_event, node) => onSelect(node.type === 'device' ? node.id : null), [onSelect]);
  const connect = useCallback<OnConnect>((c) => onConnect(c.source, c.target, linkType), [onConnect, linkType]);
  const remove = useCallback<OnDelete<FlowNode, Edge>>(
    ({ nodes: gone, edges: cut }) =>
      onDelete(
        gone.filter((n) => n.type === 'device').map((n) => n.id),
        cut.map((e) => linkIndexOf(e.id)).filter((i): i is number => i !== null),
      ),
    [onDelete],
  );
  /** The document position under a screen point, so the new node's middle lands there. */
  const at = useCallback(
    (x: number, y: number) => {
      const p = flow?.screenToFlowPosition({ x, y }) ?? { x: 0, y: 0 };
      return { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - NODE_HEIGHT / 2) };
    },
    [flow],
  );
  const pick = useCallback(
    (kind: NodeKind) => {
      const box = wrapper.current?.getBoundingClientRect();
      onAdd(kind, box ? at(box.left + box.width / 2, box.top + box.height / 2) : { x: 0, y: 0 });
    },
    [at, onAdd],
  );

  return (
    <div
      className="topology-canvas"
      data-testid="canvas"
      ref={wrapper}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(PALETTE_MIME)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDrop={(e) => {
        const kind = e.dataTransfer.getData(PALETTE_MIME);
        if (!kind) return;
        e.preventDefault();
        onAdd(kind as NodeKind, at(e.clientX, e.clientY));
      }}
    >
      <Palette onPick={pick} linkType={linkType} onLinkType={setLinkType} />
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onInit={setFlow}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onPaneClick={() => onSelect(null)}
        onConnect={connect}
        onDelete={remove}
        deleteKeyCode={DELETE_KEYS}
        snapToGrid
        snapGrid={SNAP}
        fitView
        minZoom={0.1}
      >
        <Background variant={BackgroundVariant.Dots} gap={SNAP[0]} />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} />
      </ReactFlow>
      {refusal !== null ? (
        <p className="canvas-refusal" role="alert" data-testid="canvas-refusal">
          {refusal}
        </p>
      ) : null}
    </div>
  );
}
