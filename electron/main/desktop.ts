// The real desktop bridge: native dialogs of the app's window.
import { dialog, shell, type BrowserWindow } from 'electron';
import type { DesktopBridge } from '../core/desktop';

/** The extensions the core gives the copies it opens (shared/evidence/attachment-rules.ts). */
const VIEWABLE = /\.(pdf|jpg|png|ofd)$/i;

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
    async openFile(path) {
      // Only the viewer types a 证明材料 can be: never a program, a script or a page, whatever asks.
      if (!VIEWABLE.test(path)) throw new Error(`refused to open ${path}: not a pdf, jpg, png or ofd file`);
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
  };
}
