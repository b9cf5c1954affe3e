// First: before any schema parses (see zod-jitless.ts).
import './api/zod-jitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/index.js';
import { App } from './app/App.js';
import { ErrorBoundary } from './app/ErrorBoundary.js';
import { ErrorScreen } from './app/ErrorScreen.js';
import { createDocumentPlatform } from './platform/document-platform.js';
import { createAppStore } from './stores/app-store.js';
import { startAutosave } from './stores/autosave.js';
import { startSync } from './stores/sync.js';
import './styles/base.css';

const root = createRoot(document.getElementById('root')!);

try {
  // Created once, outside React, so StrictMode's double render does not open two sockets.
  const connection = connect();
  const store = createAppStore(connection.api, connection.status(), createDocumentPlatform(connection.transport));
  startSync(store, connection);
  startAutosave(store);
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
