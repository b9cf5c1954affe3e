import type { AppStore } from '../stores/app-store.js';
import { StoreProvider } from '../stores/context.js';
import { Shell } from './Shell.js';

export function App({ store }: { store: AppStore }): React.JSX.Element {
  return (
    <StoreProvider store={store}>
      <Shell />
    </StoreProvider>
  );
}
