// The read-only facts about an image: size, dimensions, type, dates, album and storage key.
import type { Image } from '../../../shared/api';
import { formatBytes, formatDate, formatDimensions, formatTakenAt } from '../../lib/format';
import { useAppStore } from '../../store/app-store';
import { TagLinks } from './TagLinks';

export function ImageDetails({ image }: { image: Image }) {
  const album = useAppStore((s) =>
    image.albumId
      ? (s.albums.find((a) => a.id === image.albumId)?.name ?? 'Another album')
      : 'None',
  );
  const rows: Array<[string, string]> = [
    ['File name', image.filename],
    ['Size', formatBytes(image.size)],
    ['Dimensions', formatDimensions(image.width, image.height)],
    ['Type', image.contentType],
    ['Taken', formatTakenAt(image.takenAt)],
    ['Uploaded', formatDate(image.createdAt)],
    ['Album', album],
  ];
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div className="details__row" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {image.tags.length > 0 ? (
        <div className="details__row">
          <dt>Tags</dt>
          <dd>
            <TagLinks tags={image.tags} />
          </dd>
        </div>
      ) : null}
      <div className="details__row details__row--block">
        <dt>Key</dt>
        <dd className="details__key">{image.key}</dd>
      </div>
    </dl>
  );
}
