import { AREAS } from './areas.js';
import { useAppStore } from '../stores/context.js';
import { NotConnected } from '../features/placeholder/NotConnected.js';
import { PlaceholderScreen } from '../features/placeholder/PlaceholderScreen.js';
import { RunScreen } from '../features/run/RunScreen.js';
import { SettingsScreen } from '../features/settings/SettingsScreen.js';
import { TopologyScreen } from '../features/topology/TopologyScreen.js';
import { WelcomeScreen } from '../features/welcome/WelcomeScreen.js';

export function CurrentScreen(): React.JSX.Element {
  const area = useAppStore((s) => s.area);
  const connection = useAppStore((s) => s.connection);
  const loaded = useAppStore((s) => s.settings !== null);
  // Nothing from the host yet: say why rather than show screens that cannot work.
  if (!loaded) return <NotConnected status={connection} />;
  if (area === 'welcome') return <WelcomeScreen />;
  if (area === 'settings') return <SettingsScreen />;
  if (area === 'topology') return <TopologyScreen />;
  if (area === 'run') return <RunScreen />;
  const def = AREAS.find((a) => a.id === area)!;
  return <PlaceholderScreen area={def} />;
}
