import { useAppStore } from '../../stores/context.js';
import '../status/notice-bar.css';
import './open-failure.css';

/** A file that was not opened: the loader's findings with line, column and path; the open document stays as it was. */
export function OpenFailure(): React.JSX.Element | null {
  const failure = useAppStore((s) => s.openFailure);
  const open = useAppStore((s) => s.doc);
  const dismiss = useAppStore((s) => s.dismissOpenFailure);
  if (!failure) return null;
  return (
    <div className="notice-bar open-failure" role="alert" aria-labelledby="open-failure-title" data-testid="open-failure">
      <div>
        <strong id="open-failure-title">“{failure.name}” was not opened: it is not a topology document.</strong>
        {open ? (
          <p className="small" data-testid="open-failure-kept">
            “{open.name}” is still open as it was{open.dirty ? ', with its unsaved changes' : ''}.
          </p>
        ) : null}
        {failure.compose ? (
          <p className="small" data-testid="open-failure-compose">
            It looks like a docker-compose file: <em>Import docker-compose</em> on the Welcome screen turns it into a document.
          </p>
        ) : null}
        <ul className="plain-list open-failure-findings">
          {failure.findings.map((f, i) => (
            <li key={i} data-testid="open-failure-finding" data-code={f.code}>
              <span className="mono small" data-testid="open-failure-place">
                {f.line !== undefined ? `${f.line}:${f.column ?? 1}` : '—'}
              </span>{' '}
              {f.path ? <span className="mono small" data-testid="open-failure-path">{f.path}</span> : null} <span>{f.message}</span>
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="button small ghost" onClick={dismiss} data-testid="open-failure-dismiss">
        Dismiss
      </button>
    </div>
  );
}
