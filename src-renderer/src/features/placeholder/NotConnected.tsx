import type { ConnectionStatus } from '../../api/index.js';
import { AlertIcon } from '../../ui/icons.js';
import '../screens.css';

/** Shown in place of a screen while the app host cannot be reached and nothing is loaded. */
export function NotConnected({ status }: { status: ConnectionStatus }): React.JSX.Element {
  const connecting = status.state !== 'disconnected';
  return (
    <section className="screen" aria-labelledby="not-connected-title" data-testid="screen-not-connected">
      <div className="empty-state">
        <AlertIcon size={40} />
        <h1 id="not-connected-title">{connecting ? 'Connecting to the app host…' : 'Not connected to the app host'}</h1>
        {status.state === 'disconnected' ? <p data-testid="not-connected-reason">{status.reason}</p> : null}
        <p className="muted">
          In browser mode, start the host with <code>npm run web</code> and open the exact URL it prints; it carries a
          one-time token.
        </p>
      </div>
    </section>
  );
}
