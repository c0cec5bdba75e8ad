// Decides whether an IPC message comes from the app's own window and page, and nothing else
// (not a navigated-away frame, not an iframe from another origin, not another window).

export const APP_ORIGIN = 'app://image-desk';

export interface IpcSenderInfo {
  /** webContents id of the sender */
  senderId: number;
  /** URL of the frame that sent the message; null when the frame is gone. */
  frameUrl: string | null;
  /** true for the top frame of its webContents */
  isMainFrame: boolean;
}

/**
 * scheme://host[:port] of a URL, or null when it has no host (file:, data:, about:blank) or
 * does not parse. Node's URL reports the origin of custom schemes such as app:// as 'null',
 * even when Electron registers them as standard, so comparing `.origin` would refuse the app itself.
 */
export function urlOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

export function isTrustedSender(
  sender: IpcSenderInfo,
  trusted: { windowId: () => number | undefined; origin: string },
): boolean {
  if (!sender.isMainFrame || !sender.frameUrl) return false;
  if (sender.senderId !== trusted.windowId()) return false;
  return urlOrigin(sender.frameUrl) === trusted.origin;
}
