// Desktop settings: loaded at start, validated with the shared schema before saving, and the
// main process's answer (or its field error) shown next to the field it concerns.
import { settingsPatchSchema, type Settings, type SettingsPatch } from '../../shared/settings';
import { IpcError, errorMessage, invoke } from '../lib/ipc';
import type { SliceCreator } from './app-store';

export type SettingsErrors = Partial<Record<keyof Settings | 'form', string>>;

export interface SettingsSlice {
  settings: Settings | null;
  settingsWarning: string | null;
  settingsErrors: SettingsErrors;
  settingsSaving: boolean;
  loadSettings(): Promise<void>;
  saveSettings(patch: SettingsPatch): Promise<boolean>;
  setSettingsWarning(message: string | null): void;
  clearSettingsErrors(): void;
}

/** "quality: must be at most 100" → { quality: "Must be at most 100." } */
export function fieldErrorFromMessage(message: string): SettingsErrors {
  const match = /^([A-Za-z]+): (.+)$/.exec(message);
  if (!match) return { form: message };
  const text = match[2]!;
  return {
    [match[1]!]: `${text[0]!.toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`,
  };
}

export function validateSettings(patch: SettingsPatch): SettingsErrors {
  const parsed = settingsPatchSchema.safeParse(patch);
  if (parsed.success) return {};
  const errors: SettingsErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form') as keyof SettingsErrors;
    errors[field] ??= fieldErrorFromMessage(`${field}: ${issue.message}`)[field];
  }
  return errors;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set) => ({
  settings: null,
  settingsWarning: null,
  settingsErrors: {},
  settingsSaving: false,

  async loadSettings() {
    try {
      set({ settings: await invoke('settings:get') });
    } catch (error) {
      set({ settingsWarning: errorMessage(error) });
    }
  },

  async saveSettings(patch) {
    const errors = validateSettings(patch);
    if (Object.keys(errors).length > 0) {
      set({ settingsErrors: errors });
      return false;
    }
    set({ settingsSaving: true, settingsErrors: {} });
    try {
      set({ settings: await invoke('settings:update', patch) });
      return true;
    } catch (error) {
      set({
        settingsErrors:
          error instanceof IpcError && error.code === 'VALIDATION_FAILED'
            ? fieldErrorFromMessage(error.message)
            : { form: errorMessage(error) },
      });
      return false;
    } finally {
      set({ settingsSaving: false });
    }
  },

  setSettingsWarning: (settingsWarning) => set({ settingsWarning }),
  clearSettingsErrors: () => set({ settingsErrors: {} }),
});
