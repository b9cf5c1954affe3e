import { useMemo, useState } from 'react';
import type { Fault } from '../../../../src-preload/contract/index.js';
import { useAppStore } from '../../stores/context.js';
import { isFinal } from '../../stores/run-slice.js';

type FaultType = 'pod-kill' | 'network-delay' | 'network-bandwidth' | 'db-primary-failure' | 'region-outage' | 'cpu-stress' | 'memory-stress';
const LABELS: Record<FaultType, string> = {
  'pod-kill': 'Kill an instance',
  'network-delay': 'Add latency',
  'network-bandwidth': 'Limit the bandwidth',
  'db-primary-failure': 'Fail the database primary',
  'region-outage': 'Take a region out',
  'cpu-stress': 'Stress the CPU',
  'memory-stress': 'Stress the memory',
};

/** Nodes with instances (replicas): what kills, stress and deployments act on. */
export function nodesWithInstances(doc: { nodes: Record<string, object> }): [string, object][] {
  return Object.entries(doc.nodes).filter(([, n]) => typeof (n as { replicas?: unknown }).replicas === 'number');
}

/** The document's targets a fault of each type can act on. */
export function faultTargets(doc: { nodes: Record<string, object>; groups?: Record<string, { type: string }> }): Record<FaultType, string[]> {
  const nodes = Object.entries(doc.nodes);
  const withInstances = nodesWithInstances(doc).map(([id]) => id);
  /** Nodes calls go into: every node but the traffic sources. */
  const callable = nodes.filter(([, n]) => (n as { kind?: string }).kind !== 'traffic-source').map(([id]) => id);
  return {
    'pod-kill': withInstances,
    'cpu-stress': withInstances,
    'memory-stress': withInstances,
    'network-delay': callable,
    'network-bandwidth': callable,
    'db-primary-failure': nodes.filter(([, n]) => (n as { topology?: { mode?: string } }).topology?.mode === 'primary-replica').map(([id]) => id),
    'region-outage': Object.entries(doc.groups ?? {})
      .filter(([, g]) => g.type === 'region' || g.type === 'zone')
      .map(([id]) => id),
  };
}

/** Faults now, in the run that is going: the fault shows on the event timeline. */
export function FaultPanel(): React.JSX.Element | null {
  const document = useAppStore((s) => s.doc?.document ?? null);
  const run = useAppStore((s) => s.run);
  const busy = useAppStore((s) => s.runBusy);
  const injectFault = useAppStore((s) => s.injectFault);
  const targets = useMemo(() => (document ? faultTargets(document) : null), [document]);
  const [type, setType] = useState<FaultType>('pod-kill');
  const [target, setTarget] = useState('');
  const [delayMs, setDelayMs] = useState(200);
  const [loadPercent, setLoadPercent] = useState(50);
  const [sizeMiB, setSizeMiB] = useState(256);
  const [rateMbps, setRateMbps] = useState(10);
  /** Simulated seconds the fault lasts; null: until the run ends. */
  const [durationS, setDurationS] = useState<number | null>(null);
  if (!targets || !run || isFinal(run.state)) return null;
  const options = targets[type];
  const chosen = options.includes(target) ? target : (options[0] ?? '');
  const fault = (): Fault => {
    switch (type) {
      case 'pod-kill':
        return { type, at: 0, target: chosen, count: 1 };
      case 'network-delay':
        return { type, at: 0, target: chosen, delayMs, jitterMs: 0, ...(durationS !== null ? { durationS } : {}) };
      case 'network-bandwidth':
        return { type, at: 0, target: chosen, rateMbps, payloadKiB: 64, ...(durationS !== null ? { durationS } : {}) };
      case 'db-primary-failure':
        return { type, at: 0, target: chosen };
      case 'region-outage':
        return { type, at: 0, target: chosen, ...(durationS !== null ? { durationS } : {}) };
      case 'cpu-stress':
        return { type, at: 0, target: chosen, loadPercent, ...(durationS !== null ? { durationS } : {}) };
      case 'memory-stress':
        return { type, at: 0, target: chosen, sizeMiB, ...(durationS !== null ? { durationS } : {}) };
    }
  };
  return (
    <div className="run-faults" data-testid="run-faults">
      <label>
        Fault
        <select data-testid="fault-type" value={type} onChange={(e) => setType(e.target.value as FaultType)}>
          {(Object.keys(LABELS) as FaultType[]).map((t) => (
            <option key={t} value={t} disabled={targets[t].length === 0}>
              {LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Target
        <select data-testid="fault-target" value={chosen} onChange={(e) => setTarget(e.target.value)}>
          {options.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      {type === 'network-delay' ? (
        <label>
          Delay (ms)
          <input type="number" min={1} data-testid="fault-delay" value={delayMs} onChange={(e) => setDelayMs(Number(e.target.value) > 0 ? Number(e.target.value) : 1)} />
        </label>
      ) : null}
      {type === 'network-bandwidth' ? (
        <label>
          Rate (Mbit/s, 64 KiB a call)
          <input type="number" min={0.001} step="any" data-testid="fault-rate" value={rateMbps} onChange={(e) => setRateMbps(Number(e.target.value) > 0 ? Number(e.target.value) : 0.001)} />
        </label>
      ) : null}
      {type === 'cpu-stress' ? (
        <label>
          CPU taken (%)
          <input type="number" min={1} max={100} data-testid="fault-load" value={loadPercent} onChange={(e) => setLoadPercent(Math.min(100, Math.max(1, Number(e.target.value) || 1)))} />
        </label>
      ) : null}
      {type === 'memory-stress' ? (
        <label>
          Memory held (MiB)
          <input type="number" min={1} data-testid="fault-size" value={sizeMiB} onChange={(e) => setSizeMiB(Math.max(1, Number(e.target.value) || 1))} />
        </label>
      ) : null}
      {type !== 'pod-kill' && type !== 'db-primary-failure' ? (
        <label>
          For (s)
          <input
            type="number"
            min={1}
            data-testid="fault-duration"
            placeholder="until the end"
            value={durationS ?? ''}
            onChange={(e) => setDurationS(e.target.value === '' || !(Number(e.target.value) > 0) ? null : Number(e.target.value))}
          />
        </label>
      ) : null}
      <button type="button" data-testid="fault-inject" disabled={chosen === '' || busy !== null} onClick={() => void injectFault(fault())}>
        Inject
      </button>
    </div>
  );
}
