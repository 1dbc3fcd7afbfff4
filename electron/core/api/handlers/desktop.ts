// Dialog methods: each path a dialog returns is granted to the session, so import and export
// methods can refuse any path the operator did not choose (a compromised page cannot read files).
import { dirname } from 'node:path';
import { AppError } from '../../../../shared/result';
import type { desktopMethods } from '../../../../shared/api/desktop';
import type { Session } from '../session';
import type { HandlerMap } from '../handler';

export function grantPath(session: Session, path: string): void {
  (session.grantedPaths ??= new Set()).add(path);
}

/** Throws unless the path (or, for files written into a chosen folder, its folder) was granted. */
export function assertGranted(session: Session, path: string, { inFolder = false } = {}): void {
  const granted = session.grantedPaths ?? new Set<string>();
  if (granted.has(path)) return;
  if (inFolder && granted.has(dirname(path))) return;
  throw new AppError('FORBIDDEN', '只能使用通过“选择文件/文件夹”对话框选定的路径，请重新选择。');
}

export const desktopHandlers: Pick<HandlerMap, keyof typeof desktopMethods> = {
  'desktop.pickOpenFile': async (_ctx, input, session, core) => {
    const path = await core.desktop.pickOpenFile(input);
    if (path) grantPath(session, path);
    return { path };
  },
  'desktop.pickSaveFile': async (_ctx, input, session, core) => {
    const path = await core.desktop.pickSaveFile(input);
    if (path) grantPath(session, path);
    return { path };
  },
  'desktop.pickFolder': async (_ctx, input, session, core) => {
    const path = await core.desktop.pickFolder(input);
    if (path) grantPath(session, path);
    return { path };
  },
  'desktop.showInFolder': async (_ctx, { path }, session, core) => {
    assertGranted(session, path);
    await core.desktop.showInFolder(path);
    return {};
  },
};
