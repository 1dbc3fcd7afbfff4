// The one place that calls ipcMain.handle: one channel per contract method, each checking the
// sender frame before the core's dispatcher validates the input and the permission.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { METHOD_NAMES, channelOf } from '../../shared/api/methods';
import { fail } from '../../shared/result';
import type { AppCore } from '../core/app-core';
import { dispatch, newSession, type Session } from '../core/api/dispatch';
import { isTrustedSender } from './security';

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  core: AppCore,
  getContents: () => WebContents | null,
  devServerUrl?: string,
): Session {
  const session = newSession();
  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelOf(name), async (event: IpcMainInvokeEvent, input: unknown) => {
      const contents = getContents();
      if (
        !contents ||
        event.sender !== contents ||
        !isTrustedSender(event.senderFrame, contents.mainFrame, devServerUrl)
      ) {
        return fail('FORBIDDEN', '拒绝来自未知页面的请求。');
      }
      return dispatch(core, session, name, input);
    });
  }
  return session;
}
