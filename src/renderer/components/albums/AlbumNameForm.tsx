// A one-field form for an album name (new album, rename); shows the server's error inline.
import { useEffect, useRef, useState, type FormEvent } from 'react';

export function AlbumNameForm({
  label,
  initial = '',
  submitLabel,
  onSubmit,
  onDone,
}: {
  label: string;
  initial?: string;
  submitLabel: string;
  onSubmit: (name: string) => Promise<string | null>;
  onDone: () => void;
}) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError('Enter a name.');
    setBusy(true);
    const failure = await onSubmit(name.trim());
    setBusy(false);
    if (failure) setError(failure);
    else onDone();
  };

  return (
    <form className="album-form" onSubmit={submit} noValidate>
      <input
        ref={input}
        className="input input--small"
        aria-label={label}
        value={name}
        maxLength={100}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          setName(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onDone();
          }
        }}
      />
      <div className="album-form__buttons">
        <button type="submit" className="button button--small button--primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
      {error ? (
        <p className="album-form__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
