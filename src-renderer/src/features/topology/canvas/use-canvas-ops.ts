import type { ReactFlowInstance } from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Topology } from '../../../../../src-preload/contract/index.js';
import type { Clipboard } from '../../../stores/clipboard-edits.js';
import { PASTE_OFFSET } from '../../../stores/clipboard-edits.js';
import { useAppStore } from '../../../stores/context.js';
import type { Point } from '../../../stores/topology-edits.js';
import { alignBoxes, distributeBoxes, type Box } from './arrange.js';
import { elkGraph, positionsOf } from './auto-layout.js';
import { layoutGraph } from './elk-runner.js';
import { groupAt } from './frame-drop.js';
import { documentPosition, FIT_VIEW, NODE_HEIGHT, NODE_WIDTH, type FlowModel, type FlowNode } from './flow-model.js';
import type { CanvasAction } from './shortcuts.js';

interface Args {
  document: Topology;
  model: FlowModel;
  flow: ReactFlowInstance<FlowNode> | null;
  /** Selects exactly these nodes once the next document revision is drawn (the pasted ones). */
  selectNext(ids: readonly string[]): void;
  /** Where the pointer is over the canvas (screen coordinates); null when it is elsewhere. */
  pointer: React.RefObject<Point | null>;
  openHelp(): void;
}

/** The canvas's commands on the selection and the whole diagram, each one undoable edit. */
export function useCanvasOps({ document, model, flow, selectNext, pointer, openHelp }: Args) {
  const { moveNodes, copyNodes, paste, duplicate, undo, redo, refuseEdit } = useAppStore(
    useShallow((s) => ({ moveNodes: s.moveNodes, copyNodes: s.copyNodes, paste: s.paste, duplicate: s.duplicate, undo: s.undo, redo: s.redo, refuseEdit: s.refuseEdit })),
  );
  const [layingOut, setLayingOut] = useState(false);
  // Pastes without a pointer step further from the originals each time, so copies do not stack.
  const pastes = useRef(0);

  /** The selected document nodes, each at its absolute canvas position. */
  const selection = useCallback((): Map<string, Point> => {
    const out = new Map<string, Point>();
    for (const n of flow?.getNodes() ?? []) if (n.type === 'device' && n.selected) out.set(n.id, documentPosition(n, model.origins));
    return out;
  }, [flow, model]);

  const boxes = (at: Map<string, Point>): Map<string, Box> =>
    new Map([...at].map(([id, p]) => [id, { ...p, width: NODE_WIDTH, height: NODE_HEIGHT }]));

  const layout = useCallback(async () => {
    setLayingOut(true);
    try {
      const { laid } = await layoutGraph(elkGraph(document));
      moveNodes(positionsOf(laid, document), 'Auto-layout');
      requestAnimationFrame(() => void flow?.fitView({ ...FIT_VIEW, duration: 200 }));
    } catch (err) {
      refuseEdit(`Auto-layout failed: ${(err as Error).message}`);
    } finally {
      setLayingOut(false);
    }
  }, [document, flow, moveNodes, refuseEdit]);

  const run = useCallback(
    (action: CanvasAction): boolean => {
      switch (action) {
        case 'undo':
          undo();
          return true;
        case 'redo':
          redo();
          return true;
        case 'duplicate': {
          const at = selection();
          if (at.size === 0) return false;
          selectNext(duplicate(at.keys(), at));
          return true;
        }
        case 'select-all':
          flow?.setNodes((ns) => ns.map((n) => (n.type === 'device' && !n.selected ? { ...n, selected: true } : n)));
          return true;
        case 'auto-layout':
          if (!layingOut) void layout();
          return true;
        case 'help':
          openHelp();
          return true;
        case 'copy':
        case 'paste':
          return false; // the key hook handles these with the clipboard events
        default: {
          const at = selection();
          const [verb, how] = action.split('-') as ['align' | 'distribute', string];
          const moved = verb === 'align' ? alignBoxes(boxes(at), how as never) : distributeBoxes(boxes(at), how as never);
          if (moved.size === 0) return false;
          moveNodes(moved, `${verb === 'align' ? 'Align' : 'Distribute'} ${how}`);
          return true;
        }
      }
    },
    [undo, redo, selection, selectNext, duplicate, flow, layingOut, layout, openHelp, moveNodes],
  );

  const copy = useCallback((): Clipboard | null => {
    const at = selection();
    pastes.current = 0;
    return at.size > 0 ? copyNodes(at.keys(), at) : null;
  }, [selection, copyNodes]);

  const pasteHere = useCallback(
    (clip: Clipboard | null) => {
      const p = pointer.current;
      if (p && flow) {
        // At the pointer the copies land like a drop: in the frame under each one's middle.
        const inFrame = (at: Point): string | null => groupAt(model, { x: at.x + NODE_WIDTH / 2, y: at.y + NODE_HEIGHT / 2 });
        selectNext(paste({ at: flow.screenToFlowPosition(p) }, clip ?? undefined, inFrame));
        return;
      }
      selectNext(paste({ offset: { x: PASTE_OFFSET * ++pastes.current, y: PASTE_OFFSET * pastes.current } }, clip ?? undefined));
    },
    [pointer, flow, paste, selectNext, model],
  );

  return { run, copy, paste: pasteHere, layingOut };
}
