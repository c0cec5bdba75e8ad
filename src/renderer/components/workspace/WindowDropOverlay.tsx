// The full-window hint while files are dragged over it; it never takes the drop itself.
import { Icon } from '../common/Icon';

export function WindowDropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return (
    <div className="window-drop" aria-hidden="true">
      <div className="window-drop__card">
        <Icon name="upload" size={36} />
        <span>Drop to upload</span>
        <span className="window-drop__hint">Images and whole folders</span>
      </div>
    </div>
  );
}
