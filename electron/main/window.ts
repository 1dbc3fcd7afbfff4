// The app's one window, created with the hardened preferences, and the guards every web contents
// gets: no navigation away, no new windows, no permissions, no requests outside the bundle.
import { BrowserWindow, type Session as ElectronSession, type WebContents } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN, SECURE_WEB_PREFERENCES, isAllowedRequestUrl } from './security';

export function hardenSession(ses: ElectronSession, devServerUrl?: string): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // USB/HID/serial devices and screen capture: never.
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequestUrl(details.url, devServerUrl) }),
  );
  ses.setSpellCheckerEnabled(false);
  ses.setSpellCheckerLanguages([]);
}

export function hardenContents(contents: WebContents, devServerUrl?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedRequestUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedRequestUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedRequestUrl(event.url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function createMainWindow(devServerUrl?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '动态考核',
    show: false,
    backgroundColor: '#f5f7fa',
    // The key switches are spelled out (not only spread from the constant) so scanners and readers see them.
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
      preload: join(__dirname, '../preload/index.js'),
    },
  });
  hardenContents(win.webContents, devServerUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
