// The real desktop bridge: native dialogs of the app's window.
import { dialog, shell, type BrowserWindow } from 'electron';
import type { DesktopBridge } from '../core/desktop';

export function electronDesktop(getWindow: () => BrowserWindow | null): DesktopBridge {
  return {
    async pickOpenFile({ title, filters }) {
      const win = getWindow();
      const r = win
        ? await dialog.showOpenDialog(win, { title, filters, properties: ['openFile'] })
        : await dialog.showOpenDialog({ title, filters, properties: ['openFile'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async pickSaveFile({ title, defaultName, filters }) {
      const win = getWindow();
      const opts = { title, defaultPath: defaultName, filters };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return r.canceled ? null : (r.filePath ?? null);
    },
    async pickFolder({ title }) {
      const win = getWindow();
      const opts = {
        title,
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async showInFolder(path) {
      shell.showItemInFolder(path);
    },
  };
}
