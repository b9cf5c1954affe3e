import { useEffect } from 'react';
import { useAppStore } from '../../stores/context.js';
import { BringUpPanel } from './BringUpPanel.js';
import { ContainerDetail } from './ContainerDetail.js';
import { ContainerList } from './ContainerList.js';
import { EngineStatus } from './EngineStatus.js';
import { ImagesList } from './ImagesList.js';
import '../screens.css';
import './containers.css';

/** The Containers area: the engine, its containers and images, and the open document brought up for real. */
export function ContainersScreen(): React.JSX.Element {
  const open = useAppStore((s) => s.openContainers);
  const status = useAppStore((s) => s.dockerStatus);
  const error = useAppStore((s) => s.containersError);
  const busy = useAppStore((s) => s.containersBusy);
  const selected = useAppStore((s) => s.selectedContainer);
  useEffect(() => {
    void open();
  }, [open]);
  const connected = status?.state === 'connected';

  return (
    <section className="screen containers-screen" aria-labelledby="containers-title" data-testid="screen-containers">
      <header className="screen-header">
        <h1 id="containers-title">Containers</h1>
        <p className="muted">Local Docker containers, and the open topology brought up as real ones.</p>
      </header>
      <EngineStatus />
      {busy ? (
        <p className="muted" role="status" data-testid="containers-busy">
          {busy}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert" data-testid="containers-error">
          {error}
        </p>
      ) : null}
      {connected ? (
        <>
          <BringUpPanel />
          <ContainerList />
          {selected ? <ContainerDetail id={selected} /> : null}
          <ImagesList />
        </>
      ) : null}
    </section>
  );
}
