// The Electron glue against a stand-in for the few electron APIs it calls: the window's hardened
// preferences, blocked navigation and windows, denied permissions and requests, IPC sender checks,
// only contract channels, the app:// protocol refusing traversal, and a preload exposing only the contract.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (...args: unknown[]) => void;

class FakeContents {
  listeners = new Map<string, Listener[]>();
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  mainFrame = { url: 'app://bundle/index.html', parent: null as unknown };
  on(event: string, fn: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
}

const created: { options: Record<string, unknown>; loaded: string[]; contents: FakeContents }[] = [];
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: {} }));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = new FakeContents();
    private record: { options: Record<string, unknown>; loaded: string[]; contents: FakeContents };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], contents: this.webContents };
      created.push(this.record);
    }
    once() {}
    on() {}
    show() {}
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
  }
  return {
    BrowserWindow,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: { invoke, send: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  };
});

const { createMainWindow, hardenContents, hardenSession } = await import('../../electron/main/window');
const { isAllowedRequestUrl, isTrustedSender, APP_ORIGIN } = await import('../../electron/main/security');
const { resolveBundlePath, serveBundle } = await import('../../electron/main/protocol');
const { registerIpc, forwardJobs } = await import('../../electron/main/ipc');
const { CoreHost } = await import('../../electron/core/host/core-host');
const { ScriptedDesktop } = await import('../../electron/core/desktop');
const { menuTemplate } = await import('../../electron/main/menu');
const { METHOD_NAMES, channelOf, JOB_CHANNEL } = await import('../../shared/api/methods');
const { tempDir } = await import('../support/temp-core');

beforeEach(() => {
  created.length = 0;
});

describe('the main window', () => {
  it('is created with isolation, sandbox, no node, web security, no spellchecker, no webview, and loads app://', () => {
    createMainWindow();
    const prefs = created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(created[0]!.loaded).toEqual([`${APP_ORIGIN}/index.html`]);
  });

  it('prevents navigation and redirects away from the bundle, denies new windows and webviews', () => {
    const contents = new FakeContents();
    hardenContents(contents as never);
    const navigate = (event: string, url: string) => {
      const e = { preventDefault: vi.fn(), url };
      contents.emit(event, e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(navigate(event, 'https://evil.example/')).toBe(true);
      expect(navigate(event, 'file:///C:/Windows/win.ini')).toBe(true);
      expect(navigate(event, 'app://bundle/index.html#/roster')).toBe(false);
    }
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission and device, and cancels requests that are not the app’s own', () => {
    const calls: Record<string, unknown> = {};
    const ses = {
      setPermissionRequestHandler: (fn: unknown) => (calls.request = fn),
      setPermissionCheckHandler: (fn: unknown) => (calls.check = fn),
      setDevicePermissionHandler: (fn: unknown) => (calls.device = fn),
      setDisplayMediaRequestHandler: (fn: unknown) => (calls.display = fn),
      webRequest: { onBeforeRequest: (fn: unknown) => (calls.before = fn) },
      setSpellCheckerEnabled: (v: boolean) => (calls.spell = v),
      setSpellCheckerLanguages: (v: string[]) => (calls.langs = v),
    };
    hardenSession(ses as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      (calls.request as (wc: unknown, p: string, cb: (v: boolean) => void) => void)({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect((calls.check as () => boolean)()).toBe(false);
    expect((calls.device as () => boolean)()).toBe(false);
    const display = vi.fn();
    (calls.display as (r: unknown, cb: (v: unknown) => void) => void)({}, display);
    expect(display).toHaveBeenCalledWith({});
    expect(calls.spell).toBe(false);
    expect(calls.langs).toEqual([]);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      (calls.before as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)(
        { url },
        (r) => (cancel = r.cancel),
      );
      return cancel;
    };
    expect(decide('https://cdn.example.com/x.js')).toBe(true);
    expect(decide('http://127.0.0.1:8080/')).toBe(true);
    expect(decide('ws://localhost/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('app://bundle/assets/index.js')).toBe(false);
    expect(decide('app://bundle.evil.example/x')).toBe(true);
  });
});

describe('request and sender checks', () => {
  it('isAllowedRequestUrl allows only the bundle (and inline data)', () => {
    expect(isAllowedRequestUrl('app://bundle/index.html')).toBe(true);
    expect(isAllowedRequestUrl('app://bundleevil/index.html')).toBe(false);
    expect(isAllowedRequestUrl('https://example.com')).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/x')).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173/')).toBe(true);
  });

  it('isTrustedSender wants our own top frame showing our bundle', () => {
    const top = { url: 'app://bundle/index.html', parent: null };
    expect(isTrustedSender(top, top)).toBe(true);
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent: null }, top)).toBe(false); // another frame object
    const child = { url: 'app://bundle/index.html', parent: top };
    expect(isTrustedSender(child, child)).toBe(false); // a subframe
    const foreign = { url: 'https://evil.example/', parent: null };
    expect(isTrustedSender(foreign, foreign)).toBe(false);
    expect(isTrustedSender(null, top)).toBe(false);
  });
});

describe('IPC registration', () => {
  it('registers exactly the contract channels; refuses a foreign frame; serves our own from the core thread', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    const dir = tempDir();
    // The core as the app runs it: its own thread, reached only through the host.
    const host = await CoreHost.start({ dataDir: dir, autoBackup: false, desktop: new ScriptedDesktop() });
    try {
      const contents = new FakeContents();
      registerIpc({ handle: (ch: string, fn: never) => void handlers.set(ch, fn) }, host, () => contents as never);
      expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
      expect(handlers.has('da:evil.method')).toBe(false);
      expect([...handlers.keys()].every((c) => c.startsWith('da:'))).toBe(true);
      const handler = handlers.get(channelOf('auth.status'))!;
      // The core's answer arrives as JSON text (the preload parses it); a refusal by main is an object.
      const status = async (event: unknown, input: unknown) => {
        const answer = await handler(event, input);
        return typeof answer === 'string' ? (JSON.parse(answer) as unknown) : answer;
      };
      // From our window's top frame: dispatched.
      expect(await status({ sender: contents, senderFrame: contents.mainFrame }, {})).toMatchObject({
        ok: true,
        value: { operator: null },
      });
      // From a subframe, another window, or a frame showing another page: refused before dispatch.
      const sub = { url: 'app://bundle/index.html', parent: contents.mainFrame };
      expect(await status({ sender: contents, senderFrame: sub }, {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await status({ sender: new FakeContents(), senderFrame: contents.mainFrame }, {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      contents.mainFrame.url = 'https://evil.example/';
      expect(await status({ sender: contents, senderFrame: contents.mainFrame }, {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    } finally {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pushes each job state to the window, and to no destroyed window', () => {
    const sent: [string, unknown][] = [];
    let push: ((s: never) => void) | null = null;
    const contents = { isDestroyed: () => false, send: (ch: string, v: unknown) => sent.push([ch, v]) };
    forwardJobs(
      (fn) => (push = fn as never),
      () => contents as never,
    );
    push!({ id: 'j1', status: 'running' } as never);
    expect(sent).toEqual([[JOB_CHANNEL, { id: 'j1', status: 'running' }]]);
    contents.isDestroyed = () => true;
    push!({ id: 'j1', status: 'done' } as never);
    expect(sent).toHaveLength(1);
  });
});

describe('the app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'da-bundle-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'assets', 'a.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'da-secret.txt'), 'secret');

  it('maps bundle URLs inside the bundle and refuses traversal, other hosts and malformed escapes', () => {
    expect(resolveBundlePath(root, 'app://bundle/')).toBe(join(root, 'index.html'));
    expect(resolveBundlePath(root, 'app://bundle/assets/a.js')).toBe(join(root, 'assets', 'a.js'));
    // Encoded dot segments: the URL parser resolves them at the root, so they never leave the bundle.
    for (const url of [
      'app://bundle/%2e%2e/da-secret.txt',
      'app://bundle/assets/%2e%2e/%2e%2e/da-secret.txt',
      'app://bundle/..%2F..%2Fda-secret.txt',
      'app://bundle/a/..%2F..%2F..%2Fda-secret.txt',
    ]) {
      const p = resolveBundlePath(root, url);
      expect(p === null || p.startsWith(root + '/'), `${url} → ${String(p)}`).toBe(true);
    }
    for (const url of [
      'app://bundle/..%5Cda-secret.txt',
      'app://bundle/%00index.html',
      'app://bundle/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      expect(resolveBundlePath(root, url), url).toBeNull();
    }
  });

  it('serves with the CSP header, and 403 for refused paths', async () => {
    const ok = await serveBundle(root, 'app://bundle/index.html');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await serveBundle(root, 'app://bundle/..%5C..%5Cda-secret.txt')).status).toBe(403);
    expect((await serveBundle(root, 'app://bundle/%2e%2e/%2e%2e/da-secret.txt')).status).toBe(404); // resolved inside the bundle, where it is not
    expect((await serveBundle(root, 'app://bundle/missing.js')).status).toBe(404);
  });
});

describe('the preload', () => {
  it('exposes only the contract methods, frozen, each one invoke on its own channel; no raw ipcRenderer', async () => {
    await import('../../electron/preload/index');
    const api = exposed.api as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(exposed)).toEqual(['api', 'jobs']);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const key of ['ipcRenderer', 'send', 'on', 'invoke', 'require', 'process']) expect(api[key]).toBeUndefined();
    await api['auth.status']!(undefined);
    expect(invoke).toHaveBeenLastCalledWith('da:auth.status', {});
  });

  it('exposes the job channel as a subscription that hands the page the state only, never the IPC event', async () => {
    await import('../../electron/preload/index');
    const jobs = exposed.jobs as { subscribe(fn: (s: unknown) => void): () => void };
    expect(Object.keys(jobs)).toEqual(['subscribe']);
    expect(Object.isFrozen(jobs)).toBe(true);
    const on = vi.mocked((await import('electron')).ipcRenderer.on);
    const got: unknown[] = [];
    const off = jobs.subscribe((s) => got.push(s));
    const [channel, listener] = on.mock.calls.at(-1) as unknown as [string, (e: unknown, s: unknown) => void];
    expect(channel).toBe(JOB_CHANNEL);
    listener({ sender: 'the ipc event' }, { id: 'j1' });
    expect(got).toEqual([{ id: 'j1' }]);
    expect(typeof off).toBe('function');
  });
});

describe('the menu', () => {
  it('links nowhere outside the machine and hides devtools in production', () => {
    const text = JSON.stringify(menuTemplate(false));
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toMatch(/toggleDevTools/);
  });
});
