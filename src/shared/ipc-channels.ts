// The names of every IPC channel and push event: plain strings, so the sandboxed preload can
// allow-list them without pulling in the schemas.

export const IPC_CHANNELS = [
  'session:get',
  'session:login',
  'session:signup',
  'session:logout',
  'session:avatar-url',
  'session:change-password',
  'session:redeem-reset',
  'session:set-avatar',
  'settings:get',
  'settings:update',
  'queue:add',
  'queue:view',
  'queue:pause',
  'queue:resume',
  'queue:cancel',
  'queue:retry',
  'queue:clear-finished',
  'gallery:list',
  'gallery:signed-urls',
  'images:update',
  'images:delete',
  'images:restore',
  'images:delete-forever',
  'trash:empty',
  'images:bulk-update',
  'images:download',
  'albums:list',
  'albums:create',
  'albums:rename',
  'albums:delete',
  'dialog:choose-images',
  'update:get-state',
  'update:restart',
  'people:list',
  'people:invite',
  'people:update',
  'people:reset-password',
  'people:delete',
] as const;
export type IpcChannel = (typeof IPC_CHANNELS)[number];

export const IPC_EVENTS = [
  'queue:item',
  'queue:totals',
  'session:changed',
  'session:expired',
  'settings:warning',
  'update:state',
  'menu:command',
] as const;
export type IpcEventName = (typeof IPC_EVENTS)[number];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value);
}

export function isIpcEvent(value: unknown): value is IpcEventName {
  return typeof value === 'string' && (IPC_EVENTS as readonly string[]).includes(value);
}
