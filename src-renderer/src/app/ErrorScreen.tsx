import './error-screen.css';

interface Props {
  error: Error;
  componentStack?: string | undefined;
}

/** What people see when the app breaks: what went wrong, the details, and a way out. */
export function ErrorScreen({ error, componentStack }: Props): React.JSX.Element {
  return (
    <div className="error-screen" role="alert" data-testid="error-boundary">
      <h1>Something went wrong</h1>
      <p className="error-message" data-testid="error-message">
        {error.name && error.name !== 'Error' ? `${error.name}: ` : ''}
        {error.message || 'An unknown error stopped this screen.'}
      </p>
      <p className="muted">The app hit an error it did not expect. Reloading usually helps; your saved work is kept by the app host.</p>
      <details>
        <summary>Technical details</summary>
        <pre>{error.stack ?? String(error)}</pre>
        {componentStack ? <pre>{`In component:${componentStack}`}</pre> : null}
      </details>
      <button type="button" className="button primary" onClick={() => location.reload()}>
        Reload
      </button>
    </div>
  );
}
