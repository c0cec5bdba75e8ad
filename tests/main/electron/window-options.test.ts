// The main window's security switches, its Content-Security-Policy, and the run-time hardening
// of the window and session, driven through fake Electron objects that record what is registered.
import type { BrowserWindow, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isExternalLink } from '../../../src/main/content-security-policy';
import { APP_ORIGIN } from '../../../src/main/ipc/sender-check';
import { hardenSession, hardenWindow } from '../../../src/main/security';
import { mainWindowOptions } from '../../../src/main/window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs', { isPackaged: true });
  const prefs = options.webPreferences!;

  it('isolates the renderer: sandboxed, context-isolated, no Node', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and refuses <webview>, insecure content and drag-and-drop navigation', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
    expect(prefs).not.toHaveProperty('experimentalFeatures', true);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('has no DevTools in an installed build', () => {
    expect(prefs.devTools).toBe(false);
  });

  it('keeps DevTools for development runs', () => {
    const dev = mainWindowOptions('/repo/desktop/out/preload/index.cjs', { isPackaged: false });
    expect(dev.webPreferences?.devTools).toBe(true);
    // Only DevTools differ: development runs are as locked down as installed ones.
    expect({ ...dev.webPreferences, devTools: false, preload: '' }).toEqual({
      ...prefs,
      preload: '',
    });
  });

  it('opens as "Image Desk", shown only when ready', () => {
    expect(options.title).toBe('Image Desk');
    expect(options.show).toBe(false);
  });

  it('opens at the default size, centred, without a remembered placement', () => {
    expect(options).toMatchObject({ width: 1280, height: 840, minWidth: 800, minHeight: 560 });
    expect(options).not.toHaveProperty('x');
    expect(options).not.toHaveProperty('y');
  });

  it('opens where it was last time', () => {
    const placed = mainWindowOptions('/p.cjs', {
      isPackaged: true,
      placement: { x: -900, y: 40, width: 1000, height: 700, maximized: true },
    });
    expect(placed).toMatchObject({ x: -900, y: 40, width: 1000, height: 700, minWidth: 800 });
  });
});

describe('contentSecurityPolicy', () => {
  const STORE = 'https://images.s3.eu-west-1.amazonaws.com';
  const csp = contentSecurityPolicy([STORE]);
  const directives = new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it('allows nothing by default and scripts only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('loads images only from the app and the store origin: no https: or loopback wildcard', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:', STORE]);
    expect(directives.get('img-src')).not.toContain('https:');
    expect(csp).not.toMatch(/127\.0\.0\.1|localhost/);
    // Before a server has said where its images live, no remote image at all.
    expect(contentSecurityPolicy()).toContain("img-src 'self' data: blob:;");
  });

  it('refuses an origin that would smuggle in more sources or directives', () => {
    for (const bad of [
      "https://x.example 'unsafe-inline'",
      'https://x.example; script-src *',
      'https://x.example/path',
      'https:',
      '*',
    ]) {
      expect(() => contentSecurityPolicy([bad])).toThrow(/Not an origin for img-src/);
    }
    expect(contentSecurityPolicy(['http://127.0.0.1:8788', 'http://[::1]:9000'])).toContain(
      'blob: http://127.0.0.1:8788 http://[::1]:9000;',
    );
  });

  it('has no inline or eval escape hatch anywhere', () => {
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-hashes'");
    expect(csp).not.toMatch(/(^|\s)\*(\s|;|$)/);
  });
});

describe('isExternalLink', () => {
  it.each([
    ['https://example.com/help', true],
    ['http://example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['app://image-desk/index.html', false],
    ['data:text/html,hi', false],
    ['smb://server/share', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isExternalLink(url)).toBe(expected);
  });
});

/** A fake BrowserWindow whose webContents records the handlers hardenWindow installs. */
function fakeWindow() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const window = {
    webContents: {
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
      on: (name: string, listener: (...args: unknown[]) => void) => {
        listeners.set(name, listener);
      },
    },
  } as unknown as BrowserWindow;
  const opened: string[] = [];
  const shell = {
    openExternal: async (url: string) => void opened.push(url),
  };
  hardenWindow(window, shell, APP_ORIGIN);

  /** Fires a cancellable Electron event; answers whether the handler prevented it. */
  const fire = (name: string, ...args: unknown[]): boolean => {
    let prevented = false;
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} handler registered`);
    listener({ preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  };
  return { open: (url: string) => openHandler!({ url }), fire, opened, listeners };
}

describe('hardenWindow', () => {
  it('denies every window.open, handing only http(s) links to the OS browser', () => {
    const w = fakeWindow();
    for (const url of [
      'https://example.com/docs',
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://image-desk/index.html',
      'about:blank',
    ]) {
      expect(w.open(url)).toEqual({ action: 'deny' });
    }
    expect(w.opened).toEqual(['https://example.com/docs', 'http://example.com/']);
  });

  it('stops navigation away from the app, opening web links in the OS browser instead', () => {
    const w = fakeWindow();
    expect(w.fire('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(w.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(w.fire('will-navigate', 'app://image-desk.evil.example/')).toBe(true);
    expect(w.fire('will-navigate', 'not a url')).toBe(true);
    expect(w.opened).toEqual(['https://evil.example/phish']);
  });

  it('lets the app move between its own pages', () => {
    const w = fakeWindow();
    expect(w.fire('will-navigate', 'app://image-desk/index.html#/gallery')).toBe(false);
    expect(w.opened).toEqual([]);
  });

  it('stops redirects to another origin', () => {
    const w = fakeWindow();
    expect(w.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(w.fire('will-redirect', 'app://image-desk/index.html')).toBe(false);
    expect(w.opened).toEqual([]);
  });

  it('refuses to attach a <webview>', () => {
    const w = fakeWindow();
    expect(w.fire('will-attach-webview', {}, { src: 'https://evil.example' })).toBe(true);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const installed: Record<string, (...args: any[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: any[]) => unknown) => (installed.request = h),
      setPermissionCheckHandler: (h: (...args: any[]) => unknown) => (installed.check = h),
      setDevicePermissionHandler: (h: (...args: any[]) => unknown) => (installed.device = h),
    } as unknown as Session;
    hardenSession(session);
    return installed;
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'denies a request for %s',
    (permission) => {
      const installed = fakeSession();
      const answers: boolean[] = [];
      installed.request!({}, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers).toEqual([false]);
      expect(installed.check!({}, permission, 'app://image-desk', {})).toBe(false);
    },
  );

  it('denies USB/HID/serial device access', () => {
    expect(fakeSession().device!({ deviceType: 'usb', origin: 'app://image-desk' })).toBe(false);
  });
});
