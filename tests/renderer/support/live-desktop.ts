// The main process and the backend behind renderer component tests, for real: `npm run web` as a
// child process (embedded backend and S3 emulator, the desktop core and its IPC router) on a
// fresh data dir, reached through the preview's bridge with the per-run token, the way the
// preview page reaches it. (jsdom cannot host the backend itself: its realm breaks jose.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImageDeskBridge } from '../../../src/shared/ipc';
import { WebPreview } from '../../e2e/support/web-preview';

export interface LiveDesktop {
  bridge: ImageDeskBridge;
  /** The backend's URL, for what the test does as another person (over HTTP). */
  serverUrl: string;
  stop(): Promise<void>;
}

export async function startLiveDesktop(): Promise<LiveDesktop> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'image-desk-renderer-live-'));
  // The bridge serves the renderer's files too; these tests render the components themselves.
  fs.mkdirSync(path.join(work, 'renderer'));
  fs.writeFileSync(path.join(work, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  const preview = await WebPreview.start({
    logFile: path.join(work, 'preview.log'),
    env: {
      WEB_RENDERER_DIR: path.join(work, 'renderer'),
      IMAGE_DESK_DATA_DIR: path.join(work, 'desktop'),
    },
  });
  const app = new URL(preview.urls.app);
  const token = app.searchParams.get('token') ?? '';
  const bridge: ImageDeskBridge = {
    async invoke(channel, args) {
      const response = await fetch(`${app.origin}/bridge/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bridge-token': token },
        body: JSON.stringify({ args }),
      });
      return response.json();
    },
    // Push events are not needed here: every action's answer updates the store.
    on: () => () => undefined,
    pathForFile: () => '',
    previewUrl: () => '',
  };
  return {
    bridge,
    serverUrl: preview.urls.server,
    stop: async () => {
      await preview.stop();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}
