import { useMemo, useState } from 'react';
import type { Deployment } from '../../../../src-preload/contract/index.js';
import { useAppStore } from '../../stores/context.js';
import { isFinal } from '../../stores/run-slice.js';
import { nodesWithInstances } from './FaultPanel.js';

const STRATEGIES: Record<Deployment['strategy'], string> = {
  rolling: 'Rolling update',
  recreate: 'Recreate',
  'blue-green': 'Blue-green',
  canary: 'Canary',
};

/** Nodes whose instances a deployment replaces (they have replicas), with the version each runs. */
export function deploymentTargets(doc: { nodes: Record<string, object> }): { id: string; version: string }[] {
  return nodesWithInstances(doc).map(([id, n]) => ({ id, version: (n as { version?: string }).version ?? 'v1' }));
}

/** The next version name after `current`: v1 → v2, 1.4 → 1.5; anything else gets "-next". */
export function nextVersion(current: string): string {
  const m = /^(.*?)(\d+)$/.exec(current);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${current}-next`;
}

/** A new version rolled out now, in the run that is going: its rollout and any rollback show on the event timeline. */
export function DeployPanel(): React.JSX.Element | null {
  const document = useAppStore((s) => s.doc?.document ?? null);
  const run = useAppStore((s) => s.run);
  const busy = useAppStore((s) => s.runBusy);
  const startDeployment = useAppStore((s) => s.startDeployment);
  const targets = useMemo(() => (document ? deploymentTargets(document) : []), [document]);
  const [target, setTarget] = useState('');
  const [version, setVersion] = useState<string | null>(null);
  const [strategy, setStrategy] = useState<Deployment['strategy']>('rolling');
  const [errorPercent, setErrorPercent] = useState(0);
  const [latencyFactor, setLatencyFactor] = useState(1);
  const [autoRollback, setAutoRollback] = useState(true);
  if (!run || isFinal(run.state) || targets.length === 0) return null;
  const chosen = targets.find((t) => t.id === target) ?? targets[0]!;
  const name = version ?? nextVersion(chosen.version);
  const deployment: Deployment = {
    at: 0,
    target: chosen.id,
    version: name,
    strategy,
    maxSurge: 1,
    maxUnavailable: 0,
    canaryPercent: 10,
    errorRate: errorPercent / 100,
    latencyFactor,
    autoRollback,
  };
  return (
    <div className="run-faults" data-testid="run-deploy">
      <label>
        Deploy to
        <select data-testid="deploy-target" value={chosen.id} onChange={(e) => setTarget(e.target.value)}>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        Version
        <input data-testid="deploy-version" value={name} maxLength={100} onChange={(e) => setVersion(e.target.value)} />
      </label>
      <label>
        Strategy
        <select data-testid="deploy-strategy" value={strategy} onChange={(e) => setStrategy(e.target.value as Deployment['strategy'])}>
          {(Object.keys(STRATEGIES) as Deployment['strategy'][]).map((s) => (
            <option key={s} value={s}>
              {STRATEGIES[s]}
            </option>
          ))}
        </select>
      </label>
      <label title="Each request the new version serves fails with this probability">
        Its errors (%)
        <input type="number" min={0} max={100} data-testid="deploy-errors" value={errorPercent} onChange={(e) => setErrorPercent(Math.min(100, Math.max(0, Number(e.target.value) || 0)))} />
      </label>
      <label title="The new version's service times, multiplied">
        Slower (×)
        <input type="number" min={0.1} step={0.1} data-testid="deploy-latency" value={latencyFactor} onChange={(e) => setLatencyFactor(Number(e.target.value) > 0 ? Number(e.target.value) : 1)} />
      </label>
      <label className="inline">
        <input type="checkbox" data-testid="deploy-rollback" checked={autoRollback} onChange={(e) => setAutoRollback(e.target.checked)} />
        Roll back when it breaks the SLO
      </label>
      <button type="button" data-testid="deploy-start" disabled={name.trim() === '' || busy !== null} onClick={() => void startDeployment({ ...deployment, version: name.trim() })}>
        Deploy
      </button>
    </div>
  );
}
