// Starts the browser preview: the backend on its embedded defaults, the desktop core pointed at
// it, and the bridge that serves the renderer and speaks the IPC contract to it. main.ts (that is
// `npm run web`) and the tests start it this way; one close() stops all three, newest first.
import path from 'node:path';
import { startDesktopCore, type DesktopCore, type EmitEvent } from '../main/desktop-core';
import { createPreviewer } from '../main/services/previews';
import type { TokenStore } from '../main/services/token-store';
import { disabledUpdates } from '../main/updates/update-controller';
import { UPDATES_OFF } from '../main/updates/update-feed';
import type { ServerConfig } from '../server/config';
import { createServer, type RunningServer } from '../server/server';
import { newBridgeToken } from './bridge-auth';
import { startBridgeServer, type BridgeServer, type BridgeServerOptions } from './bridge-server';
import { createEventHub, type EventHub } from './event-hub';
import { StagingArea } from './staging';

export interface WebPreviewOptions {
  /** The backend's configuration (loadConfig of the environment). */
  server: ServerConfig;
  /** WEB_PORT; 0 picks a free port. */
  webPort: number;
  rendererDir: string;
  /** IMAGE_DESK_DATA_DIR; default <DATA_DIR>/desktop. */
  desktopDataDir?: string | undefined;
  tokens: TokenStore;
  stagingLimits?: BridgeServerOptions['limits'];
  onUnexpectedError?: (where: string, error: unknown) => void;
}

export interface WebPreview {
  /** The link to open: http://127.0.0.1:<port>/?token=<token> */
  url: string;
  origin: string;
  token: string;
  backendUrl: string;
  backend: RunningServer;
  core: DesktopCore;
  staging: StagingArea;
  events: EventHub;
  close(): Promise<void>;
}

export async function startWebPreview(options: WebPreviewOptions): Promise<WebPreview> {
  const undo: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const step of undo.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const backend = await createServer(options.server);
    undo.push(() => backend.close());
    const backendUrl = await backend.app.listen({
      port: options.server.port,
      host: options.server.host,
    });
    backend.startUpkeep();

    const hub = createEventHub();
    const emit: EmitEvent = (event, payload) => hub.emit(event, payload);
    const core = await startDesktopCore({
      dataDir: options.desktopDataDir ?? path.join(options.server.dataDir, 'desktop'),
      emit,
      tokens: options.tokens,
      serverOverride: backendUrl,
      // No native dialog here: the renderer falls back to its file input.
      chooseImages: async () => [],
      onUnexpectedError: options.onUnexpectedError,
      updates: disabledUpdates(UPDATES_OFF.webPreview),
    });
    undo.push(() => core.close());

    const staging = new StagingArea(path.join(options.server.dataDir, 'staging'));
    await staging.prepare();
    const queuedPath = (id: string) => core.queue.pathOf(id);
    void staging
      .prune(core.queue.paths())
      .catch((error: unknown) => options.onUnexpectedError?.('staging:prune', error));

    const token = newBridgeToken();
    const bridge: BridgeServer = await startBridgeServer({
      port: options.webPort,
      token,
      rendererDir: options.rendererDir,
      imageOrigins: () => core.storeOrigin.current(),
      router: core.router,
      hub,
      staging,
      preview: createPreviewer(queuedPath),
      logLevel: options.server.logLevel,
      limits: options.stagingLimits,
    });
    undo.push(() => bridge.close());

    return {
      url: `${bridge.origin}/?token=${token}`,
      origin: bridge.origin,
      token,
      backendUrl,
      backend,
      core,
      staging,
      events: hub,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
