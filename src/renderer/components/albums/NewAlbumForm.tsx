// "New album" at the foot of the sidebar: a button that turns into a name field.
import { useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';
import { AlbumNameForm } from './AlbumNameForm';

export function NewAlbumForm() {
  const createAlbum = useAppStore((s) => s.createAlbum);
  const [open, setOpen] = useState(false);
  if (open) {
    return (
      <div className="sidebar__new">
        <AlbumNameForm
          label="Album name"
          submitLabel="Create"
          onSubmit={createAlbum}
          onDone={() => setOpen(false)}
        />
      </div>
    );
  }
  return (
    <button
      type="button"
      className="button button--ghost sidebar__new-button"
      onClick={() => setOpen(true)}
    >
      <Icon name="plus" size={16} />
      New album
    </button>
  );
}
