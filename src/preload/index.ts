// The only bridge between the sandboxed renderer and the main process: one small typed object.
// It never exposes ipcRenderer, process or the environment; channels are allow-listed here too.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { isIpcChannel, isIpcEvent } from '../shared/ipc-channels';

const bridge = {
  invoke(channel: unknown, args?: unknown): Promise<unknown> {
    if (!isIpcChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'Unknown IPC channel.' },
      });
    }
    return ipcRenderer.invoke(channel, args);
  },
  on(event: unknown, listener: (payload: unknown) => void): () => void {
    if (!isIpcEvent(event) || typeof listener !== 'function') return () => undefined;
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  previewUrl(itemId: unknown): string {
    return `app://image-desk/preview/${encodeURIComponent(String(itemId))}`;
  },
  pathForFile(file: File): string {
    try {
      return webUtils.getPathForFile(file);
    } catch {
      return '';
    }
  },
};

contextBridge.exposeInMainWorld('imageDesk', bridge);
