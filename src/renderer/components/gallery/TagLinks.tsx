// An image's tags as buttons: choosing one closes the preview and shows every image with it.
import { useAppStore } from '../../store/app-store';

export function TagLinks({ tags }: { tags: readonly string[] }) {
  const setGalleryQuery = useAppStore((s) => s.setGalleryQuery);
  const setPreviewId = useAppStore((s) => s.setPreviewId);
  return (
    <ul className="tag-list">
      {tags.map((tag) => (
        <li key={tag}>
          <button
            type="button"
            className="tag-chip"
            title={`Show images tagged “${tag}”`}
            onClick={() => {
              setPreviewId(null);
              setGalleryQuery({ tags: [tag] });
            }}
          >
            {tag}
          </button>
        </li>
      ))}
    </ul>
  );
}
