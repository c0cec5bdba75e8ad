// Desktop settings: what the admin can change, validated wherever they are read or written.
import { z } from 'zod';
import { serverUrlSchema } from './server-url';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

export const settingsSchema = z.object({
  serverUrl: serverUrlSchema.default(DEFAULT_SERVER_URL),
  maxEdge: z.number().int().min(64).max(16384).default(2560),
  format: z.enum(['original', 'jpeg', 'webp', 'avif']).default('original'),
  quality: z.number().int().min(1).max(100).default(82),
  keepMetadata: z.boolean().default(false),
  /** Parallel network transfers; CPU work is separately limited to one sharp job per core. */
  concurrency: z.number().int().min(1).max(16).default(4),
  duplicatePolicy: z.enum(['skip', 'upload']).default('skip'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
