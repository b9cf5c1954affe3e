import { useAppStore } from '../../stores/context.js';

/** Which engine answers (version, API, OS, address), or why none does and what to do. */
export function EngineStatus(): React.JSX.Element {
  const status = useAppStore((s) => s.dockerStatus);
  const reconnect = useAppStore((s) => s.reconnectDocker);
  if (!status) return <section className="panel" aria-label="Docker engine" data-testid="engine-status">Asking for the Docker engine…</section>;
  const engine = status.engine;
  return (
    <section className="panel engine-status" aria-label="Docker engine" data-testid="engine-status" data-state={status.state}>
      <div className="panel-header">
        <h2>Docker engine</h2>
        <button type="button" className="button small" onClick={() => void reconnect()} data-testid="engine-reconnect">
          Reconnect
        </button>
      </div>
      {engine && status.state === 'connected' ? (
        <dl className="facts">
          <dt>Engine</dt>
          <dd data-testid="engine-version">
            {engine.name} {engine.version}
          </dd>
          <dt>API</dt>
          <dd data-testid="engine-api">{engine.apiVersion}</dd>
          <dt>OS</dt>
          <dd>
            {engine.os}/{engine.arch}
            {engine.kernelVersion ? ` (kernel ${engine.kernelVersion})` : ''}
          </dd>
          <dt>Address</dt>
          <dd data-testid="engine-endpoint">
            {status.endpoint?.url} <span className="muted">({status.endpoint?.source})</span>
          </dd>
        </dl>
      ) : (
        <div className="engine-unavailable" role="status">
          <p data-testid="engine-message">{status.message}</p>
          {status.retryInMs !== null ? <p className="muted">Trying again in {Math.ceil(status.retryInMs / 1000)} s.</p> : null}
          {status.tried.length > 0 ? (
            <ul className="muted">
              {status.tried.map((t) => (
                <li key={t.url}>
                  {t.url} ({t.source}): {t.error}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="muted">Start Docker (or Podman with its Docker-compatible socket), or set the engine's address in Settings.</p>
        </div>
      )}
    </section>
  );
}
