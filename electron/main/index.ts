// Electron glue only: single instance, the app:// protocol, the window, the menu and IPC; or, with
// --cli, the command-line tool and no window. Everything the app does lives in electron/core and
// runs the same under plain Node.
import { app, type BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { join } from 'node:path';
import { CoreHost } from '../core/host/core-host';
import { cliArguments, runCliMode } from './cli-mode';
import { defaultDataDir } from '../core/db/paths';
import { electronDesktop } from './desktop';
import { forwardJobs, registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { serveBundle } from './protocol';
import { APP_SCHEME } from './security';
import { createMainWindow, hardenContents, hardenSession } from './window';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const cliArgs = cliArguments(process.argv);

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (cliArgs) {
  runCliMode(cliArgs);
} else if (!app.requestSingleInstanceLock()) {
  // Another instance owns the store: never open the same database twice.
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, devServerUrl));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    const dataDir = process.env.DA_DATA_DIR ?? defaultDataDir();
    // The core (the store connection, sessions, jobs) runs in its own thread: this one only routes
    // calls, checks senders and owns the window and its dialogs, so a slow query never freezes input.
    hardenSession(session.defaultSession, devServerUrl);
    protocol.handle(APP_SCHEME, (request) => serveBundle(join(__dirname, '../renderer'), request.url));
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(!app.isPackaged)));
    let core: CoreHost;
    try {
      // Only the audit entries since the last checkpoint are checked before the first screen.
      core = await CoreHost.start({ dataDir, desktop: electronDesktop(() => win), startup: 'background' });
    } catch (e) {
      dialog.showErrorBox('无法打开数据文件', e instanceof Error ? e.message : String(e));
      app.exit(1);
      return;
    }
    const contents = () => win?.webContents ?? null;
    registerIpc(ipcMain, core, contents, devServerUrl);
    forwardJobs((fn) => core.onJob(fn), contents);
    win = createMainWindow(devServerUrl);
    // quick_check, the daily backup and the full audit walk, in a worker once the first screen is up.
    win.webContents.once('did-finish-load', () => core.startBackgroundChecks());
    win.on('closed', () => (win = null));
    // Quit waits for the core to close the store (and stop its jobs) before the process ends.
    let closed = false;
    app.on('before-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      void core.close().finally(() => {
        closed = true;
        app.quit();
      });
    });
  });
}
