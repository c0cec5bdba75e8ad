// The typed IPC contract between the renderer and the main process: for each channel the schema
// of its arguments and of its result, for each push event the schema of its payload.
import { z } from 'zod';
import {
  adminUserSchema,
  albumNameSchema,
  albumSchema,
  bulkDeleteResponseSchema,
  bulkRestoreResponseSchema,
  bulkUpdateRequestSchema,
  bulkUpdateResponseSchema,
  changePasswordRequestSchema,
  createInviteRequestSchema,
  idSchema,
  imageSchema,
  listImagesQuerySchema,
  listImagesResponseSchema,
  listUsersResponseSchema,
  inviteResponseSchema,
  oneTimeCodeSchema,
  passwordResetResponseSchema,
  passwordSchema,
  signedUrlsRequestSchema,
  updateImageRequestSchema,
  updateUserRequestSchema,
  userSchema,
} from './api';
import { errorCodeSchema } from './errors';
import type { IpcChannel, IpcEventName } from './ipc-channels';
import {
  queueItemViewSchema,
  queueRetryResultSchema,
  queueTotalsSchema,
  queueViewQuerySchema,
  queueViewSchema,
} from './queue';
import { serverUrlSchema } from './server-url';
import { settingsPatchSchema, settingsSchema } from './settings';
import { updateStateSchema } from './updates';

export * from './ipc-channels';

export const sessionStateSchema = z.object({
  signedIn: z.boolean(),
  user: userSchema.nullable(),
  serverUrl: z.string(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

const none = z.undefined().or(z.null()).optional();
const ok = z.object({ ok: z.literal(true) });
const serverUrl = serverUrlSchema;
/** Paths come from drops and pickers; the main process re-checks each before reading it. */
const localPath = z.string().min(1).max(4096);
const ids = z.array(z.string().min(1).max(100)).max(10_000);
/** Some files by id, or every file when no ids are given (invoke may omit the argument). */
const someOrAll = z.object({ ids: ids.optional() }).default({});

export const ipcContract = {
  'session:get': { args: none, result: sessionStateSchema },
  'session:login': {
    args: z.object({
      serverUrl,
      email: z.string().min(1).max(254),
      password: z.string().min(1).max(256),
    }),
    result: sessionStateSchema,
  },
  'session:signup': {
    args: z.object({
      serverUrl,
      email: z.string().min(1).max(254),
      password: z.string().min(1).max(256),
      username: z.string().min(1).max(64),
      avatarPath: localPath.optional(),
      inviteToken: oneTimeCodeSchema.optional(),
    }),
    result: sessionStateSchema,
  },
  /** The main process keeps the new token; other sessions of the account end. */
  'session:change-password': { args: changePasswordRequestSchema, result: ok },
  /** A new profile image from a local file (resized in the main process), or null to remove it. */
  'session:set-avatar': {
    args: z.object({ avatarPath: localPath.nullable() }),
    result: sessionStateSchema,
  },
  /** Sets a new password with an admin's one-time reset code, and signs in. */
  'session:redeem-reset': {
    args: z.object({ serverUrl, token: oneTimeCodeSchema, password: passwordSchema }),
    result: sessionStateSchema,
  },
  'session:logout': { args: none, result: sessionStateSchema },
  /** A short-lived signed URL of the signed-in user's profile image; null when there is none. */
  'session:avatar-url': {
    args: none,
    result: z.object({ url: z.string().nullable(), expiresAt: z.string().nullable() }),
  },
  'settings:get': { args: none, result: settingsSchema },
  'settings:update': { args: settingsPatchSchema, result: settingsSchema },
  'queue:add': {
    args: z.object({ paths: z.array(localPath).min(1).max(10_000), albumId: idSchema.optional() }),
    result: z.object({ items: z.array(queueItemViewSchema) }),
  },
  /** A window of one filter's rows and the totals: the list is never sent whole. */
  'queue:view': { args: queueViewQuerySchema, result: queueViewSchema },
  'queue:pause': { args: someOrAll, result: ok },
  'queue:resume': { args: someOrAll, result: ok },
  'queue:cancel': { args: someOrAll, result: ok },
  'queue:retry': { args: someOrAll, result: queueRetryResultSchema },
  'queue:clear-finished': { args: none, result: ok },
  'gallery:list': {
    args: listImagesQuerySchema.default({ limit: 50, sort: 'newest' }),
    result: listImagesResponseSchema,
  },
  'gallery:signed-urls': {
    args: z.object({
      ids: z.array(idSchema).min(1).max(200),
      variant: z.enum(['original', 'thumbnail']),
      expiresIn: signedUrlsRequestSchema.shape.expiresIn,
      disposition: z.enum(['inline', 'attachment']).optional(),
    }),
    result: z.object({
      urls: z.record(z.string(), z.object({ url: z.string(), expiresAt: z.string() })),
    }),
  },
  'images:update': {
    args: z.object({ id: idSchema, changes: updateImageRequestSchema }),
    result: z.object({ image: imageSchema }),
  },
  /** Desktop: a save dialog in the main process, then the original written where chosen. */
  'images:download': {
    args: z.object({ id: idSchema }),
    result: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /** Moves the images to the trash. */
  'images:delete': {
    args: z.object({ ids: z.array(idSchema).min(1).max(500) }),
    result: bulkDeleteResponseSchema,
  },
  'images:restore': {
    args: z.object({ ids: z.array(idSchema).min(1).max(500) }),
    result: bulkRestoreResponseSchema,
  },
  /** Deletes the images (and their objects) at once, one request each. */
  'images:delete-forever': {
    args: z.object({ ids: z.array(idSchema).min(1).max(500) }),
    result: bulkDeleteResponseSchema,
  },
  /** Empties the whole trash (as many bounded rounds as it takes). */
  'trash:empty': { args: none, result: z.object({ deleted: z.number().int() }) },
  'images:bulk-update': { args: bulkUpdateRequestSchema, result: bulkUpdateResponseSchema },
  'albums:list': { args: none, result: z.object({ albums: z.array(albumSchema) }) },
  'albums:create': {
    args: z.object({ name: albumNameSchema }),
    result: z.object({ album: albumSchema }),
  },
  'albums:rename': {
    args: z.object({ id: idSchema, name: albumNameSchema }),
    result: z.object({ album: albumSchema }),
  },
  'albums:delete': { args: z.object({ id: idSchema }), result: ok },
  'dialog:choose-images': { args: none, result: z.object({ paths: z.array(z.string()) }) },
  'update:get-state': { args: none, result: updateStateSchema },
  /** Quits and installs the downloaded update; refused (CONFLICT) unless one is ready. */
  'update:restart': { args: none, result: ok },
  // People (administrators): the server refuses anyone else with FORBIDDEN.
  'people:list': {
    args: z.object({ cursor: z.string().max(200).optional() }).default({}),
    result: listUsersResponseSchema,
  },
  /** The invite code reaches the renderer once, to be shown and copied; it is not a session. */
  'people:invite': { args: createInviteRequestSchema, result: inviteResponseSchema },
  'people:update': {
    args: z.object({ id: idSchema, changes: updateUserRequestSchema }),
    result: z.object({ user: adminUserSchema }),
  },
  'people:reset-password': {
    args: z.object({ id: idSchema }),
    result: passwordResetResponseSchema,
  },
  'people:delete': { args: z.object({ id: idSchema }), result: ok },
} as const satisfies Record<IpcChannel, { args: z.ZodType; result: z.ZodType }>;

export type IpcArgs<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['args']>;
export type IpcParsedArgs<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['result']>;

export const ipcEventContract = {
  'queue:item': queueItemViewSchema,
  'queue:totals': queueTotalsSchema,
  'session:changed': sessionStateSchema,
  'session:expired': z.object({ message: z.string() }),
  'settings:warning': z.object({ message: z.string() }),
  'update:state': updateStateSchema,
  /** An application-menu command the window carries out (it owns the notices and the album). */
  'menu:command': z.object({ command: z.enum(['choose-images']) }),
} as const satisfies Record<IpcEventName, z.ZodType>;

export type IpcEventPayload<E extends IpcEventName> = z.output<(typeof ipcEventContract)[E]>;

export const ipcErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });
export type IpcEnvelope<T> =
  { ok: true; result: T } | { ok: false; error: z.infer<typeof ipcErrorSchema> };

/** What the preload exposes on `window.imageDesk`; the browser preview's bridge offers the same. */
export interface ImageDeskBridge {
  invoke<C extends IpcChannel>(channel: C, args?: IpcArgs<C>): Promise<IpcEnvelope<IpcResult<C>>>;
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
  /** Electron only: the path of a dropped File (webUtils.getPathForFile); '' elsewhere. */
  pathForFile(file: File): string;
  /** URL of a small local preview of a queued file (served by the main process or the bridge). */
  previewUrl(itemId: string): string;
  /**
   * Browser preview only: uploads dropped or picked files' bytes to the local bridge, which
   * stages them on disk and returns their paths for queue:add. Absent in Electron, where
   * pathForFile gives real paths.
   */
  stageFiles?(files: Array<{ file: File; relativePath?: string }>): Promise<string[]>;
}
