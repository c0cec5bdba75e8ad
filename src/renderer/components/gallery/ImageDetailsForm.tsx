// Edits an image's title, alt text and tags (comma-separated).
import { useState, type FormEvent } from 'react';
import type { Image } from '../../../shared/api';
import { parseTags } from '../../lib/tags';
import { useAppStore } from '../../store/app-store';

export function ImageDetailsForm({ image }: { image: Image }) {
  const updateImage = useAppStore((s) => s.updateImage);
  const [title, setTitle] = useState(image.title ?? '');
  const [alt, setAlt] = useState(image.alt ?? '');
  const [tags, setTags] = useState(image.tags.join(', '));
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await updateImage(image.id, {
      title: title.trim() || null,
      // Alt text is read as one line, and the server refuses line breaks (control characters).
      alt: alt.replace(/\s*[\r\n]+\s*/g, ' ').trim() || null,
      tags: parseTags(tags),
    });
    setBusy(false);
    setStatus(failure ? { tone: 'error', text: failure } : { tone: 'ok', text: 'Saved.' });
  };

  return (
    <form className="details-form" onSubmit={save} noValidate>
      <label className="field">
        <span className="field__label">Title</span>
        <input
          className="input"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Alt text</span>
        <textarea
          className="input textarea"
          rows={3}
          value={alt}
          maxLength={1000}
          onChange={(e) => setAlt(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Tags</span>
        <input
          className="input"
          value={tags}
          placeholder="beach, summer"
          onChange={(e) => setTags(e.target.value)}
        />
        <span className="field__hint">Separate tags with commas.</span>
      </label>
      {status ? (
        <p
          className={status.tone === 'ok' ? 'form-status' : 'banner banner--error'}
          role={status.tone === 'ok' ? 'status' : 'alert'}
        >
          {status.text}
        </p>
      ) : null}
      <div className="details-form__buttons">
        <button type="submit" className="button button--primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
