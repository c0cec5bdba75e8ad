// The Electron side of IPC: one ipcMain.handle per channel, every message sender-checked before
// its arguments are even parsed, and push events sent to the main window only.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CHANNELS, type IpcEventName, type IpcEventPayload } from '../../shared/ipc';
import type { IpcRouter } from './router';
import { isTrustedSender, type IpcSenderInfo } from './sender-check';

export function senderInfo(event: IpcMainInvokeEvent): IpcSenderInfo {
  const frame = event.senderFrame;
  return {
    senderId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isMainFrame: frame ? frame === event.sender.mainFrame : false,
  };
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  router: IpcRouter,
  trusted: { windowId: () => number | undefined; origin: string },
  onRejected: (channel: string, sender: IpcSenderInfo) => void = () => undefined,
): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, async (event, args: unknown) => {
      const sender = senderInfo(event);
      if (!isTrustedSender(sender, trusted)) {
        onRejected(channel, sender);
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'This window may not use the app.' },
        };
      }
      return router.dispatch(channel, args);
    });
  }
}

export function createEventSender(getTarget: () => WebContents | undefined) {
  return <E extends IpcEventName>(event: E, payload: IpcEventPayload<E>): void => {
    const target = getTarget();
    if (target && !target.isDestroyed()) target.send(event, payload);
  };
}
