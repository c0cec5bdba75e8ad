// "Version X is ready — Restart to update": shown once an update has downloaded, announced
// politely, and put off with "Later" (it installs on quit anyway).
import { useAppStore } from '../../store/app-store';

export function UpdateBanner() {
  const update = useAppStore((s) => s.update);
  const deferred = useAppStore((s) => s.updateDeferred);
  const restarting = useAppStore((s) => s.updateRestarting);
  const restart = useAppStore((s) => s.restartToUpdate);
  const defer = useAppStore((s) => s.deferUpdate);
  const ready = update?.status === 'ready' && update.version !== deferred ? update : null;

  // The live region stays mounted so that the banner's arrival is announced.
  return (
    <div className="update-region" role="status" aria-live="polite">
      {ready ? (
        <section className="update-banner" aria-label="App update">
          <p className="update-banner__text">
            Version {ready.version} is ready. It installs when Image Desk restarts; uploads pick up
            where they left off.
          </p>
          <div className="update-banner__actions">
            <button type="button" className="button button--small" onClick={defer}>
              Later
            </button>
            <button
              type="button"
              className="button button--primary button--small"
              disabled={restarting}
              onClick={() => void restart()}
            >
              {restarting ? 'Restarting…' : 'Restart to update'}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
