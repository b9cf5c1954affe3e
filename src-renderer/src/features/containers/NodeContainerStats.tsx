import { useEffect, useMemo } from 'react';
import { useAppStore } from '../../stores/context.js';
import { StatsCharts } from './StatsCharts.js';

/**
 * The real container behind a node of the open document (when it is brought up), with live
 * stats, to sit beside that node's simulated metrics in the Run view: `<NodeContainerStats node="web" />`.
 */
export function NodeContainerStats({ node }: { node: string }): React.JSX.Element | null {
  const open = useAppStore((s) => s.openContainers);
  const plan = useAppStore((s) => s.plan);
  const planIt = useAppStore((s) => s.planOpenDocument);
  const document = useAppStore((s) => s.doc?.document);
  const containers = useAppStore((s) => s.containers);
  const stats = useAppStore((s) => s.nodeStats);
  const openStats = useAppStore((s) => s.openNodeStats);
  const closeStats = useAppStore((s) => s.closeNodeStats);

  useEffect(() => {
    void open();
  }, [open]);
  useEffect(() => {
    if (document) void planIt();
  }, [document, planIt]);

  const container = useMemo(
    () =>
      plan
        ? containers
            .filter((c) => c.labels['io.devsim.topology'] === plan.topologyId && c.labels['io.devsim.node'] === node && c.state === 'running')
            .sort((a, b) => a.name.localeCompare(b.name))[0]
        : undefined,
    [containers, plan, node],
  );
  const containerId = container?.id;
  useEffect(() => {
    if (containerId) void openStats(node, containerId);
    return () => void closeStats();
  }, [node, containerId, openStats, closeStats]);

  if (!container) {
    return (
      <p className="muted" data-testid="node-container-none">
        No running container for “{node}”: bring the topology up in Containers to see real stats here.
      </p>
    );
  }
  return (
    <section aria-label={`Container ${container.name}`} data-testid="node-container-stats" data-container={container.name}>
      <h3>
        Real container <span className="mono">{container.name}</span>
      </h3>
      <StatsCharts samples={stats?.containerId === container.id ? stats.samples : []} />
    </section>
  );
}
