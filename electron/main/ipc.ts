// The one place that calls ipcMain.handle: one channel per contract method, each checking the
// sender frame before the call goes to the core (its own thread in the app), whose dispatcher
// validates the input and the permission. Job states the core pushes are sent to the window.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { JOB_CHANNEL, METHOD_NAMES, channelOf } from '../../shared/api/methods';
import { fail } from '../../shared/result';
import type { CoreCaller } from '../core/host/core-host';
import type { JobState } from '../core/jobs/runner';
import { isTrustedSender } from './security';

/** The window's session key in the core thread (one window, one signed-in operator). */
export const WINDOW_SESSION = 'window';

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  core: CoreCaller,
  getContents: () => WebContents | null,
  devServerUrl?: string,
): void {
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
      // JSON text, passed on as it came: the renderer parses it (preload), not this thread.
      return core.callJson(name, input, WINDOW_SESSION);
    });
  }
}

/** Pushes each job state to the window's top frame (the renderer's job store listens). */
export function forwardJobs(onJob: (fn: (s: JobState) => void) => unknown, getContents: () => WebContents | null) {
  onJob((state) => {
    const contents = getContents();
    if (contents && !contents.isDestroyed()) contents.send(JOB_CHANNEL, state);
  });
}
