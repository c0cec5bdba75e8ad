// Settings persisted as JSON in the data dir. A broken file is reported and replaced by defaults,
// never a crash: the admin gets a working app and a sentence saying what was reset.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings';
import { CodedError } from '../../shared/errors';
import { readJson, writeJsonAtomic } from './json-file';

export interface SettingsLoadResult {
  settings: Settings;
  /** Set when the file was unreadable or invalid and defaults were used instead. */
  warning: string | undefined;
}

export class SettingsStore {
  private current: Settings = DEFAULT_SETTINGS;
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
  }

  async load(): Promise<SettingsLoadResult> {
    let raw: unknown;
    try {
      raw = await readJson(this.file);
    } catch {
      return this.reset('The settings file was not valid JSON');
    }
    if (raw === undefined) {
      this.current = DEFAULT_SETTINGS;
      return { settings: this.current, warning: undefined };
    }
    const parsed = settingsSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.reset(
        `The setting "${issue?.path.join('.')}" ${issue?.message ?? 'was invalid'}`,
      );
    }
    this.current = parsed.data;
    return { settings: this.current, warning: undefined };
  }

  private async reset(reason: string): Promise<SettingsLoadResult> {
    // Keep the broken file for the admin to inspect rather than silently overwriting it.
    await fs.rename(this.file, `${this.file}.broken`).catch(() => undefined);
    this.current = DEFAULT_SETTINGS;
    await writeJsonAtomic(this.file, this.current);
    return {
      settings: this.current,
      warning: `${reason}, so the defaults are in use. The old file was kept as settings.json.broken.`,
    };
  }

  get(): Settings {
    return this.current;
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const checked = settingsPatchSchema.safeParse(patch);
    const next = checked.success
      ? settingsSchema.safeParse({ ...this.current, ...checked.data })
      : checked;
    if (!next.success) {
      const issue = (next.error as z.ZodError).issues[0];
      throw new CodedError(
        'VALIDATION_FAILED',
        `The setting "${issue?.path.join('.')}" ${issue?.message ?? 'is not valid'}.`,
      );
    }
    this.current = next.data as Settings;
    await writeJsonAtomic(this.file, this.current);
    return this.current;
  }
}
