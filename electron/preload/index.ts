// Exposes exactly the contract's methods as window.api, each a single invoke on its own channel,
// and window.jobs: a subscription to the one pushed channel (job states as they change).
// Sandboxed: it imports only 'electron' and the plain method list (no npm package can load here).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { JOB_CHANNEL, METHOD_NAMES, channelOf } from '../../shared/api/methods';

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of METHOD_NAMES) {
  // Main passes the core's answer on as JSON text (cheaper for it than objects); parsed here, in the page's process.
  api[name] = (input: unknown) =>
    ipcRenderer
      .invoke(channelOf(name), input ?? {})
      .then((answer: unknown) => (typeof answer === 'string' ? (JSON.parse(answer) as unknown) : answer));
}
contextBridge.exposeInMainWorld('api', Object.freeze(api));

// The page gets the state only, never the IPC event (which would reach ipcRenderer through sender).
const jobs = {
  subscribe(fn: (state: unknown) => void): () => void {
    const listener = (_e: IpcRendererEvent, state: unknown) => fn(state);
    ipcRenderer.on(JOB_CHANNEL, listener);
    return () => void ipcRenderer.removeListener(JOB_CHANNEL, listener);
  },
};
contextBridge.exposeInMainWorld('jobs', Object.freeze(jobs));
