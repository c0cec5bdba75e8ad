// Search by file name, title, alt text, tag or album name; the query goes out a moment after typing stops.
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';

const DEBOUNCE_MS = 250;

export function SearchBox() {
  const q = useAppStore((s) => s.galleryQuery.q);
  const setGalleryQuery = useAppStore((s) => s.setGalleryQuery);
  const [text, setText] = useState(q);

  // A reset elsewhere (sign-out) clears the box too.
  useEffect(() => setText(q), [q]);

  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => setGalleryQuery({ q: text }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // Only typing starts the timer; q catching up must not restart it.
  }, [text]);

  return (
    <label className="search">
      <Icon name="search" size={16} />
      <input
        type="search"
        className="search__input"
        placeholder="Search images"
        aria-label="Search images"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text) {
            event.stopPropagation();
            setText('');
          }
        }}
      />
    </label>
  );
}
