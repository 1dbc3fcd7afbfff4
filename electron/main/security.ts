// The Electron security checklist as code: what a window may load, open, ask for and send.
// Kept free of app state so it can be unit-tested against a stand-in for Electron's objects.

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://bundle`;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  // On Windows the spellchecker downloads dictionaries from the internet: off.
  spellcheck: false,
  safeDialogs: true,
  // A middle click must not open a link in a new window (electronegativity AUXCLICK_JS_CHECK).
  disableBlinkFeatures: 'Auxclick',
} as const;

/** Only the app's own bundle, and devtools in development. Everything else is refused. */
export function isAllowedRequestUrl(url: string, devServerUrl?: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`) || url === APP_ORIGIN) return true;
  if (url.startsWith('devtools://') || url.startsWith('chrome-extension://')) return false;
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  if (url.startsWith('data:')) return true; // inline images and fonts bundled by vite
  return false;
}

/** An IPC sender is trusted only if it is our window's top frame showing our own bundle. */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  expectedFrame: unknown,
  devServerUrl?: string,
): boolean {
  if (!frame || frame !== expectedFrame || frame.parent) return false;
  return frame.url.startsWith(`${APP_ORIGIN}/`) || (!!devServerUrl && frame.url.startsWith(devServerUrl));
}
