// First: before any schema parses (see zod-jitless.ts).
import './api/zod-jitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/index.js';
import { App } from './app/App.js';
import { ErrorBoundary } from './app/ErrorBoundary.js';
import { ErrorScreen } from './app/ErrorScreen.js';
import { createAppStore } from './stores/app-store.js';
import { startSync } from './stores/sync.js';
import './styles/base.css';

const root = createRoot(document.getElementById('root')!);

try {
  // Created once, outside React, so StrictMode's double render does not open two sockets.
  const connection = connect();
  const store = createAppStore(connection.api, connection.status());
  startSync(store, connection);
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <App store={store} />
      </ErrorBoundary>
    </StrictMode>,
  );
} catch (err) {
  root.render(<ErrorScreen error={err instanceof Error ? err : new Error(String(err))} />);
}
