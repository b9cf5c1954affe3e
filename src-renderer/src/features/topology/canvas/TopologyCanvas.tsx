import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useEdgesState,
  useNodesState,
  useStore,
  type Edge,
  type NodeMouseHandler,
  type OnConnect,
  type OnDelete,
  type OnNodeDrag,
  type OnNodesChange,
  type OnSelectionChangeFunc,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Finding, LinkType, NodeKind, Topology } from '../../../../../src-preload/contract/index.js';
import { useAppStore } from '../../../stores/context.js';
import type { Point } from '../../../stores/topology-edits.js';
import { DeviceNode, FrameNode } from './CanvasNodes.js';
import { CanvasToolbar } from './CanvasToolbar.js';
import { renderDiagram } from './diagram-image.js';
import { registerDiagram } from './diagram-registry.js';
import { documentPosition, FIT_VIEW, linkIndexOf, NODE_HEIGHT, NODE_WIDTH, toFlow, type FlowNode } from './flow-model.js';
import { dropMoves, frameMemberMoves, moveEmptyGroup } from './frame-drop.js';
import { Palette, PALETTE_MIME } from './Palette.js';
import { ShortcutHelp } from './ShortcutHelp.js';
import { DELETE_KEYS, SELECT_KEY } from './shortcuts.js';
import { useCanvasKeys } from './use-canvas-keys.js';
import { useCanvasOps } from './use-canvas-ops.js';
import './canvas.css';

const NODE_TYPES = { device: DeviceNode, frame: FrameNode };
const SNAP: [number, number] = [16, 16];
/** How long the arrow keys rest before their moves become one command. */
const NUDGE_REST_MS = 400;

interface Props {
  document: Topology;
  findings: Finding[];
  /** The node the inspector shows; selecting it from outside (a finding) selects it here. */
  selected: string | null;
  /** The one selected node, or null when none or several are. */
  onSelect(id: string | null): void;
  /** A link (by index) selected alone, or a group frame clicked: for the inspector. */
  onInspect?(target: { type: 'link'; index: number } | { type: 'group'; id: string }): void;
  /** A node of `kind` dropped (or picked) at a document position. */
  onAdd(kind: NodeKind, position: { x: number; y: number }): void;
  /** A connection dragged from one node's handle to another's; `type` null: chosen by the kinds. */
  onConnect(from: string, to: string, type: LinkType | null): void;
  /** The selected nodes and links (by index) deleted with Delete or Backspace. */
  onDelete(nodeIds: string[], linkIndexes: number[]): void;
  /** Why the last connection was refused, shown over the canvas. */
  refusal: string | null;
}

/**
 * The open document drawn as a graph: pan, zoom, minimap; edits (move, add, connect, delete,
 * paste, align, auto-layout, drops into frames) go to the document as undoable commands.
 */
export function TopologyCanvas({ document, findings, selected, onSelect, onInspect, onAdd, onConnect, onDelete, refusal }: Props): React.JSX.Element {
  const model = useMemo(() => toFlow(document, null, findings), [document, findings]);
  const [nodes, setNodes, onNodesChange] = useNodesState<FlowNode>(model.nodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>(model.edges);
  const { moveNodes, placeNodes, applyEdit } = useAppStore(useShallow((s) => ({ moveNodes: s.moveNodes, placeNodes: s.placeNodes, applyEdit: s.applyEdit })));
  const [flow, setFlow] = useState<ReactFlowInstance<FlowNode> | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const pointer = useRef<Point | null>(null);
  const [linkType, setLinkType] = useState<LinkType | null>(null);
  const [help, setHelp] = useState(false);
  const [selectedCount, setSelectedCount] = useState(0);
  const nextSelection = useRef<ReadonlySet<string> | null>(null);

  // The document is the truth: a new revision replaces what the drag left behind; the selection stays (or becomes what was just pasted).
  useEffect(() => {
    const want = nextSelection.current;
    nextSelection.current = null;
    setNodes((prev) => {
      const keep = want ?? new Set(prev.filter((n) => n.selected).map((n) => n.id));
      return model.nodes.map((n) => (keep.has(n.id) ? { ...n, selected: true } : n));
    });
  }, [model, setNodes]);
  useEffect(() => setEdges(model.edges), [model, setEdges]);
  // A node picked elsewhere (a finding) becomes the selection.
  useEffect(() => {
    if (selected === null) return;
    setNodes((prev) => (prev.some((n) => n.id === selected && n.selected) ? prev : prev.map((n) => (n.selected === (n.id === selected) ? n : { ...n, selected: n.id === selected }))));
  }, [selected, setNodes]);
  const selectNext = useCallback((ids: readonly string[]) => {
    if (ids.length > 0) nextSelection.current = new Set(ids);
  }, []);
  const onSelectionChange = useCallback<OnSelectionChangeFunc<FlowNode>>(
    ({ nodes: picked, edges: cut }) => {
      const devices = picked.filter((n) => n.type === 'device');
      setSelectedCount(devices.length);
      onSelect(devices.length === 1 ? devices[0]!.id : null);
      const link = devices.length === 0 && cut.length === 1 ? linkIndexOf(cut[0]!.id) : null;
      if (link !== null) onInspect?.({ type: 'link', index: link });
    },
    [onSelect, onInspect],
  );

  // The document toolbar's PNG/SVG export takes its picture from this canvas.
  useEffect(() => {
    const canvas = wrapper.current;
    return flow && canvas ? registerDiagram((format) => renderDiagram(flow, canvas, format)) : undefined;
  }, [flow]);

  const openHelp = useCallback(() => setHelp(true), []);
  const ops = useCanvasOps({ document, model, flow, selectNext, pointer, openHelp });
  useCanvasKeys(ops, !help);

  // While a node is dragged the edges take no pointer events: hit-testing ~600 edge paths on
  // every mouse move cost more than drawing (test/bench/editor-drag.mjs). No re-render needed.
  const dragging = useRef(false);
  const onNodeDragStart = useCallback(() => {
    dragging.current = true;
    wrapper.current?.classList.add('node-dragging');
  }, []);
  // Arrow keys move the selected nodes inside React Flow (its keyboard a11y) with no drag events:
  // a burst of presses becomes one move command once the keys rest.
  const nudged = useRef(new Set<string>());
  const nudgeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(nudgeTimer.current), []);
  const onChanges = useCallback<OnNodesChange<FlowNode>>(
    (changes) => {
      onNodesChange(changes);
      if (dragging.current) return;
      for (const c of changes) if (c.type === 'position' && c.dragging === false && c.position) nudged.current.add(c.id);
      if (nudged.current.size === 0) return;
      clearTimeout(nudgeTimer.current);
      nudgeTimer.current = setTimeout(() => {
        const ids = nudged.current;
        nudged.current = new Set();
        const moved = new Map((flow?.getNodes() ?? []).filter((n) => n.type === 'device' && ids.has(n.id)).map((n) => [n.id, documentPosition(n, model.origins)] as const));
        if (moved.size > 0) moveNodes(moved, moved.size === 1 ? `Move ${[...moved.keys()][0]}` : `Move ${moved.size} nodes`);
      }, NUDGE_REST_MS);
    },
    [onNodesChange, flow, model, moveNodes],
  );
  /** One command per finished drag: the moved selection, with the group each node was dropped in; a frame takes its members along. */
  const onNodeDragStop = useCallback<OnNodeDrag<FlowNode>>(
    (_event, node, dragged) => {
      wrapper.current?.classList.remove('node-dragging');
      dragging.current = false;
      if (node.type === 'frame') {
        const from = model.nodes.find((n) => n.id === node.id)?.position ?? node.position;
        const moves = frameMemberMoves(document, node.data.group, from, node.position);
        if (moves.size > 0) moveNodes(moves, `Move ${node.data.group}`);
        // An empty frame has no members to carry: its own stored place moves.
        else applyEdit(`Move ${node.data.group}`, (d) => moveEmptyGroup(d, model, node.data.group, from, node.position));
        return;
      }
      const dropped = new Map(dragged.filter((n) => n.type === 'device').map((n) => [n.id, documentPosition(n, model.origins)] as const));
      const label = dropped.size === 1 ? `Move ${[...dropped.keys()][0]}` : `Move ${dropped.size} nodes`;
      const { moves, changed } = dropMoves(document, model, dropped);
      if (changed) placeNodes(moves, label);
      else moveNodes(dropped, label);
    },
    [document, model, moveNodes, placeNodes, applyEdit],
  );
  // Stable: React Flow hands node handlers to every node's wrapper, so a new function each render
  // (each drag tick) re-rendered all 500 nodes of the bench document on every mouse move.
  const onNodeClick = useCallback<NodeMouseHandler<FlowNode>>(
    (_e, n) => {
      if (n.type === 'frame') onInspect?.({ type: 'group', id: n.data.group });
    },
    [onInspect],
  );
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
      onPointerMove={(e) => (pointer.current = { x: e.clientX, y: e.clientY })}
      onPointerLeave={() => (pointer.current = null)}
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
        onNodesChange={onChanges}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onSelectionChange={onSelectionChange}
        onNodeClick={onNodeClick}
        onConnect={connect}
        onDelete={remove}
        deleteKeyCode={DELETE_KEYS}
        selectionKeyCode={SELECT_KEY}
        multiSelectionKeyCode={[SELECT_KEY, 'Meta', 'Control']}
        snapToGrid
        snapGrid={SNAP}
        fitView
        fitViewOptions={FIT_VIEW}
        onlyRenderVisibleElements
        minZoom={0.1}
      >
        <Background variant={BackgroundVariant.Dots} gap={SNAP[0]} />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} />
        <CanvasToolbar selected={selectedCount} layingOut={ops.layingOut} onAction={ops.run} />
        <FarZoomDetail wrapper={wrapper} />
      </ReactFlow>
      {refusal !== null ? (
        <p className="canvas-refusal" role="alert" data-testid="canvas-refusal">
          {refusal}
        </p>
      ) : null}
      {help ? <ShortcutHelp onClose={() => setHelp(false)} /> : null}
    </div>
  );
}

/** Below this zoom a node's words are five pixels tall or less: unreadable, and much of the paint of a drag. */
const FAR_ZOOM = 0.4;

/** Marks the canvas `canvas-far` while zoomed out beyond FAR_ZOOM, so CSS leaves out the nodes' words (their size stays). */
function FarZoomDetail({ wrapper }: { wrapper: React.RefObject<HTMLDivElement | null> }): null {
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  useEffect(() => {
    wrapper.current?.classList.toggle('canvas-far', far);
  }, [far, wrapper]);
  return null;
}
