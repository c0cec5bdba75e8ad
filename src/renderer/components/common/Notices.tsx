// Short messages in the corner: successes fade on their own, errors stay until dismissed; some
// carry one action (Undo).
import { useAppStore } from '../../store/app-store';
import { Icon } from './Icon';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.tone}`}>
          <span className="notice__text">{notice.text}</span>
          {notice.action ? (
            <button
              type="button"
              className="link-button notice__action"
              onClick={() => {
                dismiss(notice.id);
                notice.action!.run();
              }}
            >
              {notice.action.label}
            </button>
          ) : null}
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label="Dismiss message"
            onClick={() => dismiss(notice.id)}
          >
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
