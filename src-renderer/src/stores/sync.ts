import type { Connection } from '../api/index.js';
import type { AppStore } from './app-store.js';

/**
 * Keeps the store in step with the host: status changes, a full re-fetch on every
 * (re)connect (events sent while we were away are lost), then pushed events.
 */
export function startSync(store: AppStore, connection: Pick<Connection, 'api' | 'status' | 'onStatus'>): () => void {
  const { api } = connection;
  const s = store.getState;
  let first = true;

  const refetch = async (): Promise<void> => {
    const [settings] = await Promise.all([s().loadSettings(), s().loadAppInfo(), s().loadRecent(), s().loadTemplates()]);
    if (settings && first) {
      first = false;
      s().startIn(settings.showWelcome ? 'welcome' : 'topology');
      // Work a crash or a closed tab left behind; asked once, when the app starts.
      await s().loadRecovery();
    }
  };

  const offStatus = connection.onStatus((status) => {
    s().setConnection(status);
    if (status.state === 'connected') void refetch();
  });
  const offSettings = api.onSettingsChanged((settings) => s().applySettings(settings));
  const offRecent = api.onRecentChanged((list) => s().applyRecent(list));
  const offMenu = api.onMenuCommand((command) => s().runMenuCommand(command));

  const now = connection.status();
  s().setConnection(now);
  if (now.state === 'connected') void refetch();

  return () => {
    offStatus();
    offSettings();
    offRecent();
    offMenu();
  };
}
