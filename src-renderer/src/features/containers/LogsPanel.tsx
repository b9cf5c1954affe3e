import { useEffect, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../stores/context.js';

/** The selected container's log, streamed: follow, search, timestamps. */
export function LogsPanel(): React.JSX.Element {
  const logs = useAppStore((s) => s.logs);
  const error = useAppStore((s) => s.streamError);
  const openLogs = useAppStore((s) => s.openLogs);
  const [search, setSearch] = useState('');
  const [timestamps, setTimestamps] = useState(true);
  const end = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const lines = logs?.lines ?? [];
    return needle === '' ? lines : lines.filter((l) => l.text.toLowerCase().includes(needle));
  }, [logs?.lines, search]);

  useEffect(() => {
    if (logs?.follow) end.current?.scrollIntoView({ block: 'end' });
  }, [shown, logs?.follow]);

  return (
    <div className="logs-panel" data-testid="logs-panel">
      <div className="logs-controls">
        <input type="search" placeholder="Search the log" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Search the log" data-testid="logs-search" />
        <label className="checkbox-row">
          <input type="checkbox" checked={logs?.follow ?? true} onChange={(e) => logs && void openLogs(logs.containerId, e.target.checked)} data-testid="logs-follow" />
          Follow
        </label>
        <label className="checkbox-row">
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} data-testid="logs-timestamps" />
          Timestamps
        </label>
        <span className="muted">
          {shown.length} of {logs?.lines.length ?? 0} lines
        </span>
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <div className="logs-lines mono" role="log" data-testid="logs-lines">
        {shown.map((line, i) => (
          <div key={i} className={line.stream === 'stderr' ? 'log-line stderr' : 'log-line'} data-testid="log-line">
            {timestamps && line.time ? <span className="log-time">{line.time} </span> : null}
            {line.text}
          </div>
        ))}
        <div ref={end} />
      </div>
      {logs?.ended ? <p className="muted">{logs.ended}</p> : null}
    </div>
  );
}
