// "Edit selected": add or remove tags, set the title or alt text, or move to an album, for the
// whole selection in one step (the notice afterwards offers Undo).
import { useEffect, useState, type FormEvent } from 'react';
import type { BulkChanges } from '../../lib/bulk-edit-undo';
import { plural } from '../../lib/format';
import { selectedInOrder } from '../../lib/selection';
import { parseTags } from '../../lib/tags';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../common/Dialog';

const KEEP = '__keep__';
const NO_ALBUM = '__none__';

function changesOf(form: {
  addTags: string;
  removeTags: string;
  setTitle: boolean;
  title: string;
  setAlt: boolean;
  alt: string;
  album: string;
}): BulkChanges {
  const addTags = parseTags(form.addTags);
  const removeTags = parseTags(form.removeTags);
  return {
    ...(addTags.length > 0 ? { addTags } : {}),
    ...(removeTags.length > 0 ? { removeTags } : {}),
    // An empty title or alt text clears it.
    ...(form.setTitle ? { title: form.title.trim() || null } : {}),
    ...(form.setAlt ? { alt: form.alt.trim() || null } : {}),
    ...(form.album !== KEEP ? { albumId: form.album === NO_ALBUM ? null : form.album } : {}),
  };
}

export function BulkEditDialog() {
  const open = useAppStore((s) => s.bulkEditOpen);
  const count = useAppStore((s) => s.selection.selected.size);
  const albums = useAppStore((s) => s.albums);
  const setOpen = useAppStore((s) => s.setBulkEditOpen);
  const [addTags, setAddTags] = useState('');
  const [removeTags, setRemoveTags] = useState('');
  const [setTitle, setSetTitle] = useState(false);
  const [title, setTitleText] = useState('');
  const [setAlt, setSetAlt] = useState(false);
  const [alt, setAltText] = useState('');
  const [album, setAlbum] = useState(KEEP);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Each opening starts from an empty form.
  useEffect(() => {
    if (!open) return;
    setAddTags('');
    setRemoveTags('');
    setSetTitle(false);
    setTitleText('');
    setSetAlt(false);
    setAltText('');
    setAlbum(KEEP);
    setError(null);
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = changesOf({ addTags, removeTags, setTitle, title, setAlt, alt, album });
    if (Object.keys(changes).length === 0) {
      setError(
        'Nothing to change: add or remove a tag, set a title or alt text, or pick an album.',
      );
      return;
    }
    const { selection, imageIds, bulkEditImages } = useAppStore.getState();
    setBusy(true);
    const problem = await bulkEditImages(selectedInOrder(selection, imageIds), changes);
    setBusy(false);
    if (problem) setError(problem);
    else setOpen(false);
  };

  return (
    <Dialog open={open && count > 0} onClose={() => setOpen(false)} title="Edit images">
      <form className="details-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="dialog__title">Edit {plural(count, 'image')}</h2>
        <label className="field">
          <span className="field__label">Add tags</span>
          <input
            className="input"
            value={addTags}
            placeholder="beach, summer"
            onChange={(e) => setAddTags(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">Remove tags</span>
          <input
            className="input"
            value={removeTags}
            onChange={(e) => setRemoveTags(e.target.value)}
          />
          <span className="field__hint">Separate tags with commas. Other tags stay.</span>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={setTitle}
            onChange={(e) => setSetTitle(e.target.checked)}
          />
          Set the title
        </label>
        {setTitle ? (
          <label className="field">
            <span className="field__label">Title</span>
            <input
              className="input"
              value={title}
              maxLength={200}
              onChange={(e) => setTitleText(e.target.value)}
            />
          </label>
        ) : null}
        <label className="checkbox">
          <input type="checkbox" checked={setAlt} onChange={(e) => setSetAlt(e.target.checked)} />
          Set the alt text
        </label>
        {setAlt ? (
          <label className="field">
            <span className="field__label">Alt text</span>
            <textarea
              className="input textarea"
              rows={3}
              value={alt}
              maxLength={1000}
              onChange={(e) => setAltText(e.target.value)}
            />
          </label>
        ) : null}
        <label className="field">
          <span className="field__label">Album</span>
          <select className="select" value={album} onChange={(e) => setAlbum(e.target.value)}>
            <option value={KEEP}>Leave as it is</option>
            {albums.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
            <option value={NO_ALBUM}>No album</option>
          </select>
        </label>
        {error ? (
          <p className="banner banner--error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog__buttons">
          <button type="button" className="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? <span className="spinner spinner--on-accent" aria-hidden="true" /> : null}
            Apply to {plural(count, 'image')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
