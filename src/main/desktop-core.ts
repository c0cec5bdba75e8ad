// Composes the desktop app's plain-Node services (settings, keychain session, upload queue, IPC
// router). Electron's index.ts, the browser preview's bridge and the tests all start it this way.
import path from 'node:path';
import type { IpcEventName, IpcEventPayload } from '../shared/ipc';
import type { QueueTotals } from '../shared/queue';
import { sniffFile } from '../imaging';
import { createIpcHandlers } from './ipc/handlers';
import { createIpcRouter, type IpcRouter } from './ipc/router';
import { UploadQueue } from './queue';
import { Session } from './services/session';
import { SettingsStore } from './services/settings-store';
import { StoreOrigin } from './services/store-origin';
import { TokenStore } from './services/token-store';
import type { UpdateStatus } from './updates/update-controller';

export type EmitEvent = <E extends IpcEventName>(event: E, payload: IpcEventPayload<E>) => void;

export interface DesktopCoreOptions {
  dataDir: string;
  emit: EmitEvent;
  tokens?: TokenStore;
  chooseImages?: () => Promise<string[]>;
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /** IMAGE_DESK_SERVER: wins over the saved server for this run. */
  serverOverride?: string | undefined;
  onUnexpectedError?: (where: string, error: unknown) => void;
  /** The image store's origin changed after start: a page loaded before must reload. */
  onStoreOriginChange?: (origins: readonly string[]) => void;
  /** How the store origin is asked of a server (default: GET /api/client-config). */
  fetchStoreOrigin?: (serverUrl: string) => Promise<string>;
  /** The app's self-update; the browser preview and tests pass a disabled one. */
  updates: UpdateStatus;
  /** Every batch-totals event, for main-process listeners (the keep-awake controller). */
  onQueueTotals?: (totals: QueueTotals) => void;
}

export interface DesktopCore {
  router: IpcRouter;
  session: Session;
  settings: SettingsStore;
  queue: UploadQueue;
  /** Where signed image URLs point: the only remote origin the renderer may load images from. */
  storeOrigin: StoreOrigin;
  close(): Promise<void>;
}

export async function startDesktopCore(options: DesktopCoreOptions): Promise<DesktopCore> {
  const settings = new SettingsStore(options.dataDir);
  const loaded = await settings.load();
  if (loaded.warning) options.emit('settings:warning', { message: loaded.warning });

  let started = false;
  const storeOrigin = new StoreOrigin({
    fetchOrigin: options.fetchStoreOrigin,
    onChange: (origins) => {
      if (started) options.onStoreOriginChange?.(origins);
    },
    onError: (serverUrl, error) =>
      options.onUnexpectedError?.(`store origin of ${serverUrl}`, error),
  });

  // The queue is opened after the session (it needs the session's API client); until then a
  // sign-in has nothing to start.
  const queueRef: { current?: UploadQueue } = {};
  const session = new Session({
    dataDir: options.dataDir,
    tokens: options.tokens ?? TokenStore.keytar(),
    defaultServerUrl: () => options.serverOverride ?? settings.get().serverUrl,
    onLogoutUnconfirmed: (error) => options.onUnexpectedError?.('session:logout', error),
    onChange: (state) => {
      void storeOrigin.refresh(state.serverUrl);
      // Every sign-in starts (or restarts) the queue: files added while signed out then go.
      if (state.signedIn) queueRef.current?.start();
      // Signed out or expired, however it came about (a 401 from the gallery, not the queue):
      // nothing in flight may carry on and finish under whoever signs in next.
      else queueRef.current?.holdForSignIn();
      options.emit('session:changed', state);
    },
  });

  const expireSession = (message: string) => {
    if (!session.state().signedIn) return;
    session.expire();
    options.emit('session:expired', { message });
  };

  const queue = await UploadQueue.open({
    file: path.join(options.dataDir, 'queue.sqlite'),
    importFrom: path.join(options.dataDir, 'queue.json'),
    report: (message, error) =>
      options.onUnexpectedError
        ? options.onUnexpectedError(`upload queue (${message})`, error)
        : console.error(message, error),
    api: () => session.api(),
    settings: () => settings.get(),
    account: () => {
      const { signedIn, user, serverUrl } = session.state();
      return signedIn && user ? { serverUrl, email: user.email } : undefined;
    },
    onEvent: (event) => {
      if (event.type === 'item') options.emit('queue:item', event.item);
      else if (event.type === 'totals') {
        options.emit('queue:totals', event.totals);
        options.onQueueTotals?.(event.totals);
      } else
        expireSession(
          'Your session has expired. Sign in again; your uploads are paused, not lost.',
        );
    },
  });

  queueRef.current = queue;
  if (queue.loadWarning) options.emit('settings:warning', { message: queue.loadWarning });
  try {
    await session.restore(options.serverOverride);
  } catch (error) {
    // An unreachable server must not keep the app from opening; the sign-in screen says more.
    options.onUnexpectedError?.('session:restore', error);
  }
  // Known before the first page loads, so the page does not have to reload for it.
  await storeOrigin.refresh(session.state().serverUrl);
  started = true;

  const router = createIpcRouter(
    createIpcHandlers({
      session,
      settings,
      queue,
      checkPath: async (file) => {
        await sniffFile(file);
      },
      chooseImages: options.chooseImages ?? (async () => []),
      chooseSavePath: options.chooseSavePath ?? (async () => null),
      expireSession,
      updates: options.updates,
    }),
    { onUnexpectedError: options.onUnexpectedError },
  );

  return {
    router,
    session,
    settings,
    queue,
    storeOrigin,
    close: () => queue.close(),
  };
}
