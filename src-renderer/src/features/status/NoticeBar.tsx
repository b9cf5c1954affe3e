import { useAppStore } from '../../stores/context.js';
import { CloseIcon } from '../../ui/icons.js';
import './notice-bar.css';

export function NoticeBar(): React.JSX.Element | null {
  const notice = useAppStore((s) => s.notice);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice-bar" role="status" data-testid="notice">
      <span>{notice}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
        <CloseIcon size={16} />
      </button>
    </div>
  );
}
