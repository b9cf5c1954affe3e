import { useEffect, useState } from 'react';
import { useAppStore } from '../../stores/context.js';
import { LogsPanel } from './LogsPanel.js';
import { StatsCharts } from './StatsCharts.js';

type Tab = 'logs' | 'stats' | 'inspect';

/** One container: its logs, live stats and the engine's inspect document. */
export function ContainerDetail({ id }: { id: string }): React.JSX.Element {
  const container = useAppStore((s) => s.containers.find((c) => c.id === id));
  const inspected = useAppStore((s) => s.inspected);
  const inspect = useAppStore((s) => s.inspectContainer);
  const openLogs = useAppStore((s) => s.openLogs);
  const closeLogs = useAppStore((s) => s.closeLogs);
  const openStats = useAppStore((s) => s.openStats);
  const closeStats = useAppStore((s) => s.closeStats);
  const [tab, setTab] = useState<Tab>('logs');

  useEffect(() => {
    if (tab === 'logs') void openLogs(id);
    if (tab === 'stats') void openStats(id);
    if (tab === 'inspect') void inspect(id);
    return () => {
      void closeLogs();
      void closeStats();
    };
  }, [id, tab, openLogs, openStats, inspect, closeLogs, closeStats]);

  return (
    <section className="panel container-detail" aria-label="Container detail" data-testid="container-detail">
      <div className="panel-header">
        <h2>{container?.name ?? id}</h2>
        <div role="tablist" className="tabs">
          {(['logs', 'stats', 'inspect'] as const).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} className={`button small${tab === t ? ' primary' : ' ghost'}`} onClick={() => setTab(t)} data-testid={`detail-tab-${t}`}>
              {t === 'logs' ? 'Logs' : t === 'stats' ? 'Stats' : 'Inspect'}
            </button>
          ))}
        </div>
      </div>
      {!container ? <p className="muted">This container is gone from the engine.</p> : null}
      {tab === 'logs' ? <LogsPanel /> : null}
      {tab === 'stats' ? <StatsCharts /> : null}
      {tab === 'inspect' ? (
        <pre className="inspect-json" data-testid="inspect-json">
          {inspected?.id === id ? JSON.stringify(inspected.data, null, 2) : 'Loading…'}
        </pre>
      ) : null}
    </section>
  );
}
