import type { Finding, Severity } from '../../../../src-preload/contract/index.js';
import { AlertIcon, ErrorIcon, InfoIcon } from '../../ui/icons.js';

const ORDER: Severity[] = ['error', 'warning', 'info'];
const ICONS = { error: ErrorIcon, warning: AlertIcon, info: InfoIcon } as const;
const NAMES = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'info'] } as const;

interface Props {
  findings: Finding[];
  selected: Finding | null;
  onSelect(finding: Finding): void;
  title?: string;
  testId?: string;
}

export const countLabel = (n: number, severity: Severity): string => `${n} ${NAMES[severity][n === 1 ? 0 : 1]}`;

/** Errors, warnings and info from validation, worst first; each one can be selected. */
export function FindingsPanel({ findings, selected, onSelect, title = 'Findings', testId = 'findings' }: Props): React.JSX.Element {
  const sorted = [...findings].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  return (
    <section className="panel" aria-label={title} data-testid={testId}>
      <div className="panel-header">
        <h2>{title}</h2>
        <span className="finding-counts" data-testid={`${testId}-counts`}>
          {ORDER.map((sev) => (
            <span key={sev} className={`count ${sev}`}>
              {countLabel(findings.filter((f) => f.severity === sev).length, sev)}
            </span>
          ))}
        </span>
      </div>
      {sorted.length === 0 ? (
        <p className="muted" data-testid={`${testId}-none`}>
          No findings: the document is valid.
        </p>
      ) : (
        <ul className="finding-list">
          {sorted.map((f, i) => {
            const Icon = ICONS[f.severity];
            return (
              <li key={`${f.code}-${f.path}-${i}`}>
                <button
                  type="button"
                  className={`finding ${f.severity}`}
                  aria-pressed={selected === f}
                  data-testid="finding"
                  data-severity={f.severity}
                  onClick={() => onSelect(f)}
                >
                  <Icon size={16} />
                  <span className="finding-message">{f.message}</span>
                  <span className="finding-where mono">
                    {f.path || '(document)'}
                    {f.line !== undefined ? <span data-testid="finding-line"> {`${f.line}:${f.column ?? 1}`}</span> : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
