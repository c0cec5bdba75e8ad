// One queued file: local preview, name, state with its sentence (error, duplicate, bytes),
// progress, and pause/resume, retry or cancel.
import { memo, useState } from 'react';
import { bridge } from '../../lib/ipc';
import { describeItem } from '../../lib/queue-item-view';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';
import { ProgressBar } from '../common/ProgressBar';

export const QUEUE_ROW_HEIGHT = 76;

export const QueueRow = memo(function QueueRow({ id, y }: { id: string; y: number }) {
  const item = useAppStore((s) => s.queueItems[id]);
  const command = useAppStore((s) => s.queueCommand);
  const showImage = useAppStore((s) => s.showDuplicateOf);
  const [previewFailed, setPreviewFailed] = useState(false);
  if (!item) return null;
  const view = describeItem(item);
  const busy = view.tone === 'busy';

  return (
    <div
      role="listitem"
      className={`queue-row queue-row--${view.tone}`}
      style={{ transform: `translateY(${y}px)`, height: QUEUE_ROW_HEIGHT }}
      data-state={item.state}
    >
      <span className="queue-row__thumb">
        {previewFailed ? (
          <Icon name="image" size={18} />
        ) : (
          <img
            src={bridge().previewUrl(item.id)}
            alt=""
            decoding="async"
            onError={() => setPreviewFailed(true)}
          />
        )}
      </span>
      <div className="queue-row__body">
        <div className="queue-row__line">
          <span className="queue-row__name" title={item.path}>
            {item.name}
          </span>
          <span className={`pill pill--${view.tone}`}>{view.label}</span>
        </div>
        <p className="queue-row__detail" title={view.detail}>
          {item.folder ? <span className="queue-row__folder">{item.folder} · </span> : null}
          {view.detail}
          {item.state === 'duplicate' && item.duplicateOf ? (
            <>
              {' '}
              <button
                type="button"
                className="link-button"
                onClick={() => showImage(item.duplicateOf!)}
              >
                Show that image
              </button>
            </>
          ) : null}
        </p>
        {busy || (item.state === 'queued' && item.bytesSent > 0) ? (
          <ProgressBar percent={view.percent} label={`Progress of ${item.name}`} />
        ) : null}
      </div>
      <div className="queue-row__actions">
        {view.canPause || view.canResume ? (
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label={`${view.canResume ? 'Resume' : 'Pause'} ${item.name}`}
            title={view.canResume ? 'Resume' : 'Pause'}
            onClick={() => void command(view.canResume ? 'queue:resume' : 'queue:pause', [item.id])}
          >
            <Icon name={view.canResume ? 'play' : 'pause'} size={15} />
          </button>
        ) : null}
        {view.canRetry ? (
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label={`Retry ${item.name}`}
            title="Retry"
            onClick={() => void command('queue:retry', [item.id])}
          >
            <Icon name="retry" size={15} />
          </button>
        ) : null}
        {view.canCancel ? (
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label={`Cancel ${item.name}`}
            title="Cancel"
            onClick={() => void command('queue:cancel', [item.id])}
          >
            <Icon name="close" size={15} />
          </button>
        ) : null}
      </div>
    </div>
  );
});
