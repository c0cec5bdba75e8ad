// Last line of defence: a rendering bug shows a sentence and a way back instead of a blank
// window. The queue and the session live in the main process, so a reload loses nothing.
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="startup">
        <div className="startup__error" role="alert">
          <p>Something went wrong on this screen. Your uploads carry on in the background.</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </main>
    );
  }
}
