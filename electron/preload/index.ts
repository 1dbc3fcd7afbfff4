// Exposes exactly the contract's methods as window.api, each a single invoke on its own channel.
// Sandboxed: it imports only 'electron' and the plain method list (no npm package can load here).
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES, channelOf } from '../../shared/api/methods';

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of METHOD_NAMES) {
  api[name] = (input: unknown) => ipcRenderer.invoke(channelOf(name), input ?? {});
}
contextBridge.exposeInMainWorld('api', Object.freeze(api));
