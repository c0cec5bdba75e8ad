// One image in the grid: its ThumbHash placeholder at once, then its thumbnail through a signed
// URL (re-signed once if it fails to load), its name, and selection by click, Shift-click and Ctrl/Cmd-click. Selected tiles drag
// together onto an album.
import { memo, useState, type DragEvent, type MouseEvent } from 'react';
import { selectedInOrder } from '../../lib/selection';
import { setCountDragImage, writeImageIds } from '../../lib/drag-images';
import { thumbHashUrl } from '../../lib/thumbhash-url';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';

interface TileProps {
  id: string;
  tabStop: boolean;
  x: number;
  y: number;
  size: number;
}

export const GalleryTile = memo(function GalleryTile({ id, tabStop, x, y, size }: TileProps) {
  const image = useAppStore((s) => s.images[id]);
  const url = useAppStore((s) => s.thumbUrls[id]?.url);
  const failure = useAppStore((s) => s.thumbFailures[id]);
  const selected = useAppStore((s) => s.selection.selected.has(id));
  const focused = useAppStore((s) => s.selection.focus === id);
  // The URL that last failed: hide it (no broken-image icon) while a fresh one is fetched.
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  // Fades in once; a refreshed URL later swaps in without flashing.
  const [loaded, setLoaded] = useState(false);

  if (!image) return null;
  const name = image.title || image.filename;
  const showImage = url && failure !== 'broken' && url !== failedUrl;
  // Painted behind the thumbnail until it has loaded (then dropped, so a transparent thumbnail
  // does not show the blur through).
  const placeholder = loaded || failure === 'broken' ? undefined : thumbHashUrl(image.thumbhash);

  const onClick = (event: MouseEvent) => {
    useAppStore.getState().select(id, {
      shift: event.shiftKey,
      toggle: event.ctrlKey || event.metaKey,
    });
  };

  const onDragStart = (event: DragEvent) => {
    const store = useAppStore.getState();
    if (!store.selection.selected.has(id)) store.select(id);
    const { selection, imageIds } = useAppStore.getState();
    const ids = selectedInOrder(selection, imageIds);
    writeImageIds(event.dataTransfer, ids);
    setCountDragImage(event.dataTransfer, ids.length);
  };

  return (
    <div
      role="listitem"
      data-id={id}
      tabIndex={tabStop ? 0 : -1}
      className={`tile${selected ? ' is-selected' : ''}${focused ? ' is-focused' : ''}`}
      style={{ transform: `translate(${x}px, ${y}px)`, width: size }}
      draggable
      title={name}
      onClick={onClick}
      onDoubleClick={() => useAppStore.getState().setPreviewId(id)}
      onDragStart={onDragStart}
    >
      <div
        className={`tile__frame${placeholder ? ' has-placeholder' : ''}`}
        style={{
          height: size,
          ...(placeholder ? { backgroundImage: `url("${placeholder}")` } : {}),
        }}
      >
        {showImage ? (
          <img
            className={`tile__img${loaded ? ' is-loaded' : ''}`}
            src={url}
            alt={name}
            draggable={false}
            decoding="async"
            onLoad={() => {
              setLoaded(true);
              useAppStore.getState().thumbLoaded(id);
            }}
            onError={() => {
              setFailedUrl(url);
              useAppStore.getState().thumbFailed(id);
            }}
          />
        ) : failure === 'broken' ? (
          <span
            className="tile__placeholder tile__placeholder--broken"
            role="img"
            aria-label={`${name} (could not be loaded)`}
          >
            <Icon name="alert" size={22} />
          </span>
        ) : (
          <span className="tile__placeholder" aria-hidden="true" />
        )}
        <span className="tile__check" aria-hidden="true">
          <Icon name="check" size={14} />
        </span>
      </div>
      <span className="tile__caption" aria-hidden="true">
        {name}
      </span>
      {selected ? <span className="visually-hidden">, selected</span> : null}
    </div>
  );
});
