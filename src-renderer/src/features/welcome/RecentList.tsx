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
      {recent.length === 0 ? (
        <p className="muted" data-testid="recent-empty">
          No recent documents yet.
        </p>
      ) : (
        <ul className="recent-list" aria-label="Recent documents">
          {recent.map((doc) => (
            <li key={doc.path} className="recent-item" data-testid="recent-item">
              <FileIcon />
              <div className="recent-text">
                <span className="recent-name">{doc.name}</span>
                <span className="recent-path" title={doc.path}>
                  {doc.path}
                </span>
              </div>
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
