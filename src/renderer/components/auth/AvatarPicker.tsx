// A profile image (optional for a new account, or a new one in Settings): drop one on the
// circle or choose a file.
// It is only read when the form is sent (resized and uploaded by the main process).
import { useEffect, useId, useState, type DragEvent } from 'react';
import { Icon } from '../common/Icon';

export function AvatarPicker({
  file,
  note,
  onChange,
  optional = true,
}: {
  file: File | null;
  note: string | null;
  onChange: (file: File | null) => void;
  /** Says "(optional)" next to the label (sign-up); Settings changes an existing account's. */
  optional?: boolean;
}) {
  const id = useId();
  const [preview, setPreview] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChange(dropped);
  };

  return (
    <div className="field">
      <span className="field__label" id={`${id}-label`}>
        Profile image {optional ? <span className="field__optional">(optional)</span> : null}
      </span>
      <div
        className={`avatar-picker${over ? ' is-over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <div className="avatar-picker__circle" aria-hidden="true">
          {preview ? <img src={preview} alt="" /> : <Icon name="image" size={22} />}
        </div>
        <div className="avatar-picker__text">
          <span>{file ? file.name : 'Drop an image here, or'}</span>
          <span className="avatar-picker__actions">
            <input
              id={id}
              className="visually-hidden"
              type="file"
              accept="image/*"
              aria-label="Profile image"
              onChange={(event) => {
                const chosen = event.target.files?.[0];
                if (chosen) onChange(chosen);
                event.target.value = '';
              }}
            />
            <label className="button button--small" htmlFor={id}>
              {file ? 'Choose another' : 'Choose image'}
            </label>
            {file ? (
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => onChange(null)}
              >
                Remove
              </button>
            ) : null}
          </span>
        </div>
      </div>
      {note ? <span className="field__hint field__hint--warn">{note}</span> : null}
    </div>
  );
}
