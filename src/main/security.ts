// Window hardening at run time: no navigation, no new windows (http(s) links open in the OS
// browser), no permissions, no <webview>. Options are in window-options.ts.
import type { BrowserWindow, Session, Shell } from 'electron';
import { isExternalLink } from './content-security-policy';
import { urlOrigin } from './ipc/sender-check';

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function hardenWindow(
  window: BrowserWindow,
  shell: Pick<Shell, 'openExternal'>,
  appOrigin: string,
): void {
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (urlOrigin(url) !== appOrigin) {
      event.preventDefault();
      if (isExternalLink(url)) void shell.openExternal(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (urlOrigin(url) !== appOrigin) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
