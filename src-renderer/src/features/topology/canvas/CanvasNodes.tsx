import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { kindInfo } from '../../../ui/node-kinds.js';
import type { DeviceFlowNode, FrameFlowNode } from './flow-model.js';

// Memoised: React Flow re-renders every node's wrapper on each drag tick (all of them sit in
// frames), so without memo all 500 nodes of a big document redrew on every mouse move.

/** One document node: its kind's icon, its label and kind, a badge when it has findings. */
export const DeviceNode = memo(function DeviceNode({ data, selected }: NodeProps<DeviceFlowNode>): React.JSX.Element {
  const { label, Icon } = kindInfo(data.kind);
  return (
    <div className={`canvas-node${selected ? ' selected' : ''}`} data-testid="canvas-node" data-node={data.id} title={`${data.id} (${label})`}>
      <Handle type="target" position={Position.Left} />
      <span className="canvas-node-icon" aria-hidden="true">
        <Icon size={18} />
      </span>
      <span className="canvas-node-text">
        <span className="canvas-node-label">{data.label}</span>
        <span className="canvas-node-kind">{label}</span>
      </span>
      {data.findings > 0 ? (
        <span className="canvas-node-findings" title={`${data.findings} findings`}>
          {data.findings}
        </span>
      ) : null}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

/** A cloud, region or zone: a titled frame around its members. */
export const FrameNode = memo(function FrameNode({ data }: NodeProps<FrameFlowNode>): React.JSX.Element {
  return (
    <div className={`canvas-frame ${data.type}`} data-testid="canvas-frame" data-group={data.group}>
      <span className="canvas-frame-title">
        {data.label} <span className="muted">{data.type}</span>
      </span>
    </div>
  );
});
