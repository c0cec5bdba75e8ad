// The "Drop images" region and the pickers. Drops anywhere on the window are handled by
// useWindowDrop; this is the visible place that invites them.
import { useId } from 'react';
import { fromFileList } from '../../lib/dropped-files';
import { plural } from '../../lib/format';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';

export function DropZone() {
  const id = useId();
  const staging = useAppStore((s) => s.queueStaging);
  const addPicked = useAppStore((s) => s.addPicked);

  const onFiles = (input: HTMLInputElement) => {
    const files = input.files ? fromFileList(input.files) : [];
    input.value = '';
    if (files.length > 0) void addPicked(files);
  };

  return (
    <section className="dropzone" aria-label="Drop images">
      <span className="dropzone__icon" aria-hidden="true">
        <Icon name="upload" size={26} />
      </span>
      <p className="dropzone__text">Drop images or folders here, or anywhere on the window</p>
      <div className="dropzone__buttons">
        {/* Each input sits before its styled label, so the label can show the input's focus. */}
        <input
          id={`${id}-files`}
          className="visually-hidden"
          type="file"
          multiple
          accept="image/*"
          aria-label="Choose images"
          onChange={(event) => onFiles(event.target)}
        />
        <label className="button button--primary button--small" htmlFor={`${id}-files`}>
          Choose images
        </label>
        <input
          id={`${id}-folder`}
          className="visually-hidden"
          type="file"
          aria-label="Choose folder"
          // Non-standard but supported by Chromium: pick a whole folder, subfolders included.
          {...{ webkitdirectory: '' }}
          onChange={(event) => onFiles(event.target)}
        />
        <label className="button button--small" htmlFor={`${id}-folder`}>
          Choose folder
        </label>
      </div>
      {staging ? (
        <p className="dropzone__staging" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Preparing {staging.done.toLocaleString()}{' '}
          of {plural(staging.total, 'file')}…
        </p>
      ) : null}
    </section>
  );
}
