import { useState } from 'react';
import type { ContainerSummary } from '../../../../src-preload/contract/index.js';
import { useAppStore } from '../../stores/context.js';
import { ChaosButtons } from './ChaosButtons.js';

const ports = (c: ContainerSummary): string =>
  c.ports
    .filter((p) => p.publicPort !== undefined)
    .map((p) => `${p.ip ?? ''}:${p.publicPort}→${p.privatePort}`)
    .join(', ');

/** Every container on the engine, live from its events; the app's own are marked, others are "foreign". */
export function ContainerList(): React.JSX.Element {
  const containers = useAppStore((s) => s.containers);
  const act = useAppStore((s) => s.actOnContainer);
  const remove = useAppStore((s) => s.removeContainer);
  const select = useAppStore((s) => s.selectContainer);
  const selected = useAppStore((s) => s.selectedContainer);
  const [confirming, setConfirming] = useState<string | null>(null);

  return (
    <section className="panel" aria-label="Containers" data-testid="container-list">
      <div className="panel-header">
        <h2>Containers ({containers.length})</h2>
      </div>
      {containers.length === 0 ? <p className="muted">No containers on this engine.</p> : null}
      <table className="containers-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Image</th>
            <th>State</th>
            <th>Ports</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {containers.map((c) => (
            <tr key={c.id} data-testid="container-row" data-name={c.name} data-state={c.state} aria-selected={selected === c.id}>
              <td>
                <button type="button" className="link-button" onClick={() => select(c.id)} data-testid="container-select">
                  {c.name}
                </button>
                {c.managed ? (
                  <span className="badge" title={`Created by this app${c.topologyId ? ` for ${c.topologyId}` : ''}`}>
                    {c.topologyId ?? 'app'}
                  </span>
                ) : (
                  <span className="badge foreign" title="Not created by this app: never part of bulk actions" data-testid="container-foreign">
                    foreign
                  </span>
                )}
              </td>
              <td className="mono">{c.image}</td>
              <td>
                <span className={`state state-${c.state}`} data-testid="container-state">
                  {c.state}
                </span>{' '}
                <span className="muted">{c.status}</span>
              </td>
              <td className="mono">{ports(c)}</td>
              <td>
                <div className="row-actions">
                {c.state === 'running' ? (
                  <>
                    <button type="button" className="button small" onClick={() => void act(c.id, 'stop')} data-testid="container-stop">
                      Stop
                    </button>
                    <button type="button" className="button small" onClick={() => void act(c.id, 'restart')}>
                      Restart
                    </button>
                    <button type="button" className="button small" onClick={() => void act(c.id, 'pause')}>
                      Pause
                    </button>
                  </>
                ) : c.state === 'paused' ? (
                  <button type="button" className="button small" onClick={() => void act(c.id, 'unpause')}>
                    Unpause
                  </button>
                ) : (
                  <button type="button" className="button small" onClick={() => void act(c.id, 'start')} data-testid="container-start">
                    Start
                  </button>
                )}
                {c.managed && c.labels['io.devsim.node'] ? <ChaosButtons container={c} /> : null}
                {confirming === c.id ? (
                  <>
                    <button type="button" className="button small danger" onClick={() => void remove(c.id).then(() => setConfirming(null))} data-testid="container-confirm-remove">
                      Remove {c.name}
                    </button>
                    <button type="button" className="button small ghost" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </>
                ) : (
                  <button type="button" className="button small ghost" onClick={() => setConfirming(c.id)} data-testid="container-remove">
                    Remove…
                  </button>
                )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
