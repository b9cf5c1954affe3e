import { useAppStore } from '../../stores/context.js';

export function AboutPanel(): React.JSX.Element {
  const info = useAppStore((s) => s.appInfo);
  const error = useAppStore((s) => s.appInfoError);
  return (
    <section className="panel" aria-labelledby="about-title" data-testid="about">
      <h2 id="about-title">About</h2>
      {error ? <p className="field-error">{error}</p> : null}
      {info ? (
        <dl className="facts">
          <dt>Version</dt>
          <dd data-testid="about-version">
            {info.name} {info.version}
          </dd>
          <dt>Mode</dt>
          <dd data-testid="about-mode">{info.mode === 'browser' ? 'Browser mode (loopback host)' : 'Desktop app'}</dd>
          <dt>Platform</dt>
          <dd>
            {info.platform} / {info.arch}
          </dd>
          <dt>Data folder</dt>
          <dd className="mono" data-testid="about-data-dir">
            {info.dataDir}
          </dd>
          <dt>Runtime</dt>
          <dd className="mono">
            Node {info.versions.node}
            {info.versions.electron ? `, Electron ${info.versions.electron}` : ''}
            {info.versions.chrome ? `, Chrome ${info.versions.chrome}` : ''}, SQLite {info.versions.sqlite}
          </dd>
        </dl>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}
