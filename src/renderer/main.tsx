// Entry point: make sure a bridge to the main process exists (the preload's in Electron, the
// local web bridge in the browser preview), connect its events to the store, then render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { ErrorBoundary } from './components/common/ErrorBoundary';
import { connectMainEvents } from './store/main-events';
import { useAppStore } from './store/app-store';
import './styles/index.css';

async function start(): Promise<void> {
  if (__WEB_PREVIEW__ && !(window as { imageDesk?: unknown }).imageDesk) {
    // Only the browser preview's build contains this module; in Electron the preload has set
    // window.imageDesk, and the packaged renderer must not carry the bridge client at all.
    const { installBridge } = await import('./bridge/web-bridge');
    // Awaited in case it ever needs to be asynchronous (it is synchronous today).
    await installBridge();
  }
  try {
    connectMainEvents();
  } catch {
    // No bridge at all: boot() below reports it on screen.
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
  void useAppStore.getState().boot();
}

void start();
