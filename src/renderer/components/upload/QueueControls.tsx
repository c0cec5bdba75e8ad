// Whole-batch actions: pause or resume, retry the failed, cancel the rest, clear the finished.
import { useShallow } from 'zustand/react/shallow';
import { describeTotals } from '../../lib/queue-totals-view';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';

export function QueueControls() {
  const { count, active, failed, finished, paused } = useAppStore(
    useShallow((s) => {
      const view = describeTotals(s.queueTotals);
      const count = s.queueTotals?.count ?? 0;
      return {
        count,
        active: view.active,
        failed: view.failed + view.canceled,
        // What "Clear finished" removes: failed files stay until they are dealt with.
        finished: view.done + view.duplicates + view.canceled,
        paused: view.paused,
      };
    }),
  );
  const command = useAppStore((s) => s.queueCommand);
  const retryFailed = useAppStore((s) => s.retryFailed);
  const clearFinished = useAppStore((s) => s.clearFinished);
  if (count === 0) return null;
  return (
    <div className="queue-controls" role="toolbar" aria-label="Queue actions">
      {paused ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => void command('queue:resume')}
        >
          <Icon name="play" size={14} />
          Resume all
        </button>
      ) : (
        <button
          type="button"
          className="button button--small"
          disabled={active === 0}
          onClick={() => void command('queue:pause')}
        >
          <Icon name="pause" size={14} />
          Pause all
        </button>
      )}
      <button
        type="button"
        className="button button--small"
        disabled={active === 0}
        onClick={() => void command('queue:cancel')}
      >
        <Icon name="close" size={14} />
        Cancel all
      </button>
      {failed > 0 ? (
        <button type="button" className="button button--small" onClick={() => void retryFailed()}>
          <Icon name="retry" size={14} />
          Retry failed
        </button>
      ) : null}
      <button
        type="button"
        className="button button--small button--ghost"
        disabled={finished === 0}
        onClick={() => void clearFinished()}
      >
        Clear finished
      </button>
    </div>
  );
}
