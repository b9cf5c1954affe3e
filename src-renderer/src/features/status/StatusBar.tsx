import { useAppStore } from '../../stores/context.js';
import type { ConnectionStatus } from '../../api/index.js';
import './status-bar.css';

function describe(status: ConnectionStatus): { label: string; detail: string | null } {
  switch (status.state) {
    case 'connected':
      return { label: 'Connected', detail: null };
    case 'connecting':
      return { label: 'Connecting…', detail: null };
    case 'disconnected': {
      const retry = status.retryInMs === undefined ? '' : ` (retrying in ${Math.max(1, Math.round(status.retryInMs / 1000))} s)`;
      return { label: 'Disconnected', detail: `${status.reason}${retry}` };
    }
  }
}

/** The strip at the bottom: where the app host is, and what this app is. */
export function StatusBar(): React.JSX.Element {
  const connection = useAppStore((s) => s.connection);
  const info = useAppStore((s) => s.appInfo);
  const { label, detail } = describe(connection);
  return (
    <footer className="status-bar">
      <div className="status-connection" role="status" data-testid="connection-status" data-state={connection.state}>
        <span className={`status-dot ${connection.state}`} aria-hidden="true" />
        <span className="status-label">{label}</span>
        {detail ? (
          <span className="status-detail" data-testid="connection-reason">
            — {detail}
          </span>
        ) : null}
      </div>
      <div className="status-facts">
        {info ? (
          <>
            <span>{info.mode === 'browser' ? 'Browser mode' : 'Desktop'}</span>
            <span>v{info.version}</span>
          </>
        ) : null}
      </div>
    </footer>
  );
}
