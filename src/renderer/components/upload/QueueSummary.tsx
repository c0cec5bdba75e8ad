// The batch at a glance: files done of total, overall progress, bytes, speed and time left,
// and how many were duplicates or failed.
import { useShallow } from 'zustand/react/shallow';
import { describeTotals } from '../../lib/queue-totals-view';
import { useAppStore } from '../../store/app-store';
import { ProgressBar } from '../common/ProgressBar';

export function QueueSummary() {
  const view = useAppStore(useShallow((s) => describeTotals(s.queueTotals)));
  if (view.headline === 'No uploads yet') {
    return <p className="summary summary--empty">No uploads yet. Files you add show up here.</p>;
  }
  return (
    <div className="summary">
      <div className="summary__top">
        <span className="summary__headline">{view.headline}</span>
        {view.paused ? <span className="pill pill--idle">Paused</span> : null}
      </div>
      <ProgressBar percent={view.percent} label="Upload progress" />
      <dl className="summary__stats">
        <div>
          <dt>Sent</dt>
          <dd>{view.bytes}</dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd>{view.throughput}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{view.eta}</dd>
        </div>
      </dl>
      {view.duplicates + view.failed + view.canceled > 0 ? (
        <p className="summary__outcomes">
          {view.duplicates > 0 ? (
            <span className="pill pill--warn">
              {view.duplicates} duplicate{view.duplicates === 1 ? '' : 's'}
            </span>
          ) : null}
          {view.failed > 0 ? <span className="pill pill--error">{view.failed} failed</span> : null}
          {view.canceled > 0 ? (
            <span className="pill pill--idle">{view.canceled} canceled</span>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
