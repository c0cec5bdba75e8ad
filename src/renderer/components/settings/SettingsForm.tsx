// The settings form: server, image processing and upload behaviour. Values are checked with
// the shared schema before saving; errors appear next to their field.
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/settings';
import { useAppStore } from '../../store/app-store';
import { SettingsField } from './SettingsField';

type Draft = { [K in keyof Settings]: Settings[K] extends number ? string : Settings[K] };

const toDraft = (s: Settings): Draft => ({
  ...s,
  maxEdge: String(s.maxEdge),
  quality: String(s.quality),
  concurrency: String(s.concurrency),
});

/** Numbers stay as typed until saved, so "" or "12a" reach validation instead of becoming 0. */
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function SettingsForm({ initial, onDone }: { initial: Settings; onDone: () => void }) {
  const errors = useAppStore((s) => s.settingsErrors);
  const saving = useAppStore((s) => s.settingsSaving);
  const warning = useAppStore((s) => s.settingsWarning);
  const saveSettings = useAppStore((s) => s.saveSettings);
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await saveSettings({
      ...draft,
      serverUrl: draft.serverUrl.trim(),
      maxEdge: toNumber(draft.maxEdge),
      quality: toNumber(draft.quality),
      concurrency: toNumber(draft.concurrency),
    });
    if (ok) {
      useAppStore.getState().notify('Settings saved.', 'success');
      onDone();
    }
  };

  return (
    <form className="settings" onSubmit={submit} noValidate>
      <h2 className="dialog__title">Settings</h2>
      {warning ? (
        <p className="banner banner--info" role="status">
          {warning}
        </p>
      ) : null}
      <fieldset className="settings__group">
        <legend>Server</legend>
        <SettingsField
          label="Server URL"
          error={errors.serverUrl}
          hint="Used the next time you sign in."
        >
          {(props) => (
            <input
              {...props}
              className="input"
              type="url"
              value={draft.serverUrl}
              onChange={(e) => set('serverUrl', e.target.value)}
            />
          )}
        </SettingsField>
      </fieldset>
      <fieldset className="settings__group">
        <legend>Images</legend>
        <SettingsField
          label="Max edge (pixels)"
          error={errors.maxEdge}
          hint="Larger images are scaled down to fit; 64 to 16384."
        >
          {(props) => (
            <input
              {...props}
              className="input"
              inputMode="numeric"
              value={draft.maxEdge}
              onChange={(e) => set('maxEdge', e.target.value)}
            />
          )}
        </SettingsField>
        <div className="settings__row">
          <SettingsField label="Output format" error={errors.format}>
            {(props) => (
              <select
                {...props}
                className="select"
                value={draft.format}
                onChange={(e) => set('format', e.target.value as Settings['format'])}
              >
                <option value="original">Keep original format</option>
                <option value="jpeg">JPEG</option>
                <option value="webp">WebP</option>
                <option value="avif">AVIF</option>
              </select>
            )}
          </SettingsField>
          <SettingsField label="Quality" error={errors.quality} hint="1 to 100.">
            {(props) => (
              <input
                {...props}
                className="input"
                inputMode="numeric"
                value={draft.quality}
                onChange={(e) => set('quality', e.target.value)}
              />
            )}
          </SettingsField>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.keepMetadata}
            onChange={(e) => set('keepMetadata', e.target.checked)}
          />
          <span>
            Keep colour profile and credits
            {/* What src/imaging keeps (plan.ts, render.ts): the RGB ICC profile and EXIF Artist
                and Copyright; everything else is always stripped. */}
            <span className="field__hint">
              Keeps the photo&apos;s colour profile instead of converting it to sRGB, and its Artist
              and Copyright fields. Location, camera details and dates are always removed.
            </span>
          </span>
        </label>
      </fieldset>
      <fieldset className="settings__group">
        <legend>Uploads</legend>
        <div className="settings__row">
          <SettingsField label="Parallel uploads" error={errors.concurrency} hint="1 to 16.">
            {(props) => (
              <input
                {...props}
                className="input"
                inputMode="numeric"
                value={draft.concurrency}
                onChange={(e) => set('concurrency', e.target.value)}
              />
            )}
          </SettingsField>
          <SettingsField
            label="Duplicates"
            error={errors.duplicatePolicy}
            hint="Images already in your gallery."
          >
            {(props) => (
              <select
                {...props}
                className="select"
                value={draft.duplicatePolicy}
                onChange={(e) =>
                  set('duplicatePolicy', e.target.value as Settings['duplicatePolicy'])
                }
              >
                <option value="skip">Skip them</option>
                <option value="upload">Upload again</option>
              </select>
            )}
          </SettingsField>
        </div>
      </fieldset>
      {errors.form ? (
        <p className="banner banner--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="dialog__buttons">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          Save settings
        </button>
      </div>
    </form>
  );
}
