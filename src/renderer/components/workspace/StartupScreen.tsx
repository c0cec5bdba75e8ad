// Shown while the main process answers the first calls, or when it cannot be reached at all.
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';

export function StartupScreen() {
  const bootError = useAppStore((s) => s.bootError);
  const boot = useAppStore((s) => s.boot);
  return (
    <main className="startup">
      <div className="brand brand--large">
        <span className="brand__mark" aria-hidden="true">
          <Icon name="images" size={28} />
        </span>
        Image Desk
      </div>
      {bootError ? (
        <div className="startup__error" role="alert">
          <p>{bootError}</p>
          <button type="button" className="button" onClick={() => void boot()}>
            Try again
          </button>
        </div>
      ) : (
        <p className="startup__loading" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Opening…
        </p>
      )}
    </main>
  );
}
