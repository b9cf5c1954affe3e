import { lazy, Suspense } from 'react';
import { AREAS } from './areas.js';
import { useAppStore } from '../stores/context.js';
import { OpenFailure } from '../features/documents/OpenFailure.js';
import { NotConnected } from '../features/placeholder/NotConnected.js';
import { PlaceholderScreen } from '../features/placeholder/PlaceholderScreen.js';
import { SettingsScreen } from '../features/settings/SettingsScreen.js';
import { WelcomeScreen } from '../features/welcome/WelcomeScreen.js';

// The areas that bring React Flow, elkjs and echarts load when first opened: the first screen
// (welcome) does not wait for them (a separate chunk each; plain import(), no eval for the CSP).
const TopologyScreen = lazy(() => import('../features/topology/TopologyScreen.js').then((m) => ({ default: m.TopologyScreen })));
const RunScreen = lazy(() => import('../features/run/RunScreen.js').then((m) => ({ default: m.RunScreen })));
const ContainersScreen = lazy(() => import('../features/containers/ContainersScreen.js').then((m) => ({ default: m.ContainersScreen })));
const MlScreen = lazy(() => import('../features/ml/MlScreen.js').then((m) => ({ default: m.MlScreen })));

function LoadingArea(): React.JSX.Element {
  return (
    <p className="muted" role="status" data-testid="area-loading">
      Loading…
    </p>
  );
}

export function CurrentScreen(): React.JSX.Element {
  const loaded = useAppStore((s) => s.settings !== null);
  const connection = useAppStore((s) => s.connection);
  // Nothing from the host yet: say why rather than show screens that cannot work.
  if (!loaded) return <NotConnected status={connection} />;
  return (
    <>
      {/* Above every area: a file can be opened from the Welcome screen and the Topology toolbar. */}
      <OpenFailure />
      <AreaScreen />
    </>
  );
}

function AreaScreen(): React.JSX.Element {
  const area = useAppStore((s) => s.area);
  if (area === 'welcome') return <WelcomeScreen />;
  if (area === 'settings') return <SettingsScreen />;
  if (area === 'topology' || area === 'run' || area === 'containers' || area === 'ml') {
    return (
      <Suspense fallback={<LoadingArea />}>
        {area === 'topology' ? <TopologyScreen /> : area === 'run' ? <RunScreen /> : area === 'ml' ? <MlScreen /> : <ContainersScreen />}
      </Suspense>
    );
  }
  const def = AREAS.find((a) => a.id === area)!;
  return <PlaceholderScreen area={def} />;
}
