import { useAppStore } from '../../stores/context.js';
import { NodeContainerStats } from '../containers/NodeContainerStats.js';
import { END_TO_END } from './series-select.js';

/**
 * Live stats of the real container behind the first picked node, beside its simulated charts.
 * Shown only while the open document's topology is brought up (Containers area), so a run
 * without containers never talks to the Docker engine.
 */
export function RealContainerStats(): React.JSX.Element | null {
  const picked = useAppStore((s) => s.runPicked);
  const node = picked?.find((n) => n !== END_TO_END);
  const up = useAppStore((s) => s.plan !== null && s.bringUps.some((b) => b.topologyId === s.plan?.topologyId && b.containers.some((c) => c.node === node)));
  if (!node || !up) return null;
  return <NodeContainerStats node={node} />;
}
