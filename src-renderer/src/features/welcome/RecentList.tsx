import { useAppStore } from '../../stores/context.js';
import { CloseIcon, FileIcon } from '../../ui/icons.js';

const formatDate = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

export function RecentList(): React.JSX.Element {
  const recent = useAppStore((s) => s.recent);
  const error = useAppStore((s) => s.recentError);
  const removeRecent = useAppStore((s) => s.removeRecent);
  const clearRecent = useAppStore((s) => s.clearRecent);
  const openPath = useAppStore((s) => s.openPath);
  const missing = useAppStore((s) => s.missingRecent);
  const dismissMissing = useAppStore((s) => s.dismissMissingRecent);

  return (
    <section className="panel" aria-labelledby="recent-title" data-testid="recent">
      <div className="panel-header">
        <h2 id="recent-title">Recent documents</h2>
        {recent.length > 0 ? (
          <button type="button" className="button ghost small" onClick={() => void clearRecent()} data-testid="recent-clear">
            Clear all
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {missing ? (
        <div className="missing-recent" role="alert" data-testid="recent-missing">
          <p>{missing.message}</p>
          <div className="row-actions">
            <button
              type="button"
              className="button small"
              data-testid="recent-missing-remove"
              onClick={() => {
                dismissMissing();
                void removeRecent(missing.path);
              }}
            >
              Remove from the list
            </button>
            <button type="button" className="button ghost small" onClick={dismissMissing}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}
      {recent.length === 0 ? (
        <p className="muted" data-testid="recent-empty">
          No recent documents yet.
        </p>
      ) : (
        <ul className="recent-list" aria-label="Recent documents">
          {recent.map((doc) => (
            <li key={doc.path} className="recent-item" data-testid="recent-item">
              <button type="button" className="recent-open" onClick={() => void openPath(doc.path)} title={`Open ${doc.path}`} data-testid="recent-open">
                <FileIcon />
                <span className="recent-text">
                  <span className="recent-name">{doc.name}</span>
                  <span className="recent-path">{doc.path}</span>
                </span>
              </button>
              <time className="recent-time" dateTime={doc.openedAt}>
                {formatDate(doc.openedAt)}
              </time>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${doc.name} from recent documents`}
                title="Remove from recent documents"
                onClick={() => void removeRecent(doc.path)}
              >
                <CloseIcon size={16} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
