// Admins only: show their own images or everyone's.
import { useAppStore } from '../../store/app-store';

export function OwnerSwitch() {
  const owner = useAppStore((s) => s.galleryQuery.owner);
  const setGalleryQuery = useAppStore((s) => s.setGalleryQuery);
  return (
    <div className="segmented" role="group" aria-label="Whose images">
      <button
        type="button"
        className="segmented__option"
        aria-pressed={owner === 'me'}
        onClick={() => setGalleryQuery({ owner: 'me' })}
      >
        My images
      </button>
      <button
        type="button"
        className="segmented__option"
        aria-pressed={owner === 'all'}
        onClick={() => setGalleryQuery({ owner: 'all' })}
      >
        {"Everyone's"}
      </button>
    </div>
  );
}
