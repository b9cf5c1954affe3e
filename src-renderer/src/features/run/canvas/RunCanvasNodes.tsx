import { Handle, Position, type NodeProps } from '@xyflow/react';
import { kindInfo } from '../../../ui/node-kinds.js';
import { formatValue } from '../panels.js';
import { utilisationColour } from './health.js';
import type { RunDeviceData } from './run-flow.js';

/** A node during a run: health colour, utilisation bar and live counters (req/s, p95, replicas). */
export function RunDeviceNode({ data }: NodeProps & { data: RunDeviceData }): React.JSX.Element {
  const { label, Icon } = kindInfo(data.kind);
  const { live } = data;
  const util = Number.isFinite(live.utilisation) ? Math.max(0, Math.min(100, live.utilisation)) : null;
  return (
    <div
      className={`run-node health-${live.health}${data.picked ? ' picked' : ''}`}
      data-testid="run-canvas-node"
      data-node={data.id}
      data-health={live.health}
      title={`${data.id} (${label}): ${live.health}${live.reasons.length > 0 ? ` — ${live.reasons.join(', ')}` : ''}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <span className="run-node-head">
        <Icon size={16} aria-hidden="true" />
        <span className="run-node-label">{data.label}</span>
        <span className="run-node-health">{live.health}</span>
      </span>
      <span className="run-node-counters" data-testid="run-node-counters">
        <span data-counter="rps">{formatValue(live.rps, 'req/s')}</span>
        <span data-counter="p95">p95 {formatValue(live.p95, 'ms')}</span>
        <span data-counter="replicas">×{formatValue(live.replicas, '')}</span>
      </span>
      <span className="run-node-util" aria-label={util === null ? 'no utilisation' : `utilisation ${util.toFixed(0)} %`} data-utilisation={util === null ? '' : util.toFixed(1)}>
        <span style={{ width: `${util ?? 0}%`, background: utilisationColour(util ?? NaN) }} />
      </span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

/** A cloud, region or zone frame on the run canvas. */
export function RunFrameNode({ data }: NodeProps & { data: { label: string; type: string } }): React.JSX.Element {
  return (
    <div className={`run-frame ${data.type}`}>
      <span className="run-frame-title">
        {data.label} <span className="muted">{data.type}</span>
      </span>
    </div>
  );
}
