// A stand-in for the `electron` module, preloaded with `node --require` in front of a packed main
// bundle (this machine has no Electron binary). It gives the bundle the few APIs it calls, then, once
// the window exists, plays the renderer: one IPC call through the registered handler with our
// window's frame as sender, and one app:// request through the registered protocol handler.
// The results go to stdout as one JSON line for test/package/package.test.ts to read.
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');

const handlers = new Map();
let protocolHandler = null;
const app = new EventEmitter();
let exiting = false;

function report(result) {
  process.stdout.write(`STAND-IN-RESULT ${JSON.stringify(result)}\n`);
}

Object.assign(app, {
  isPackaged: true,
  enableSandbox() {},
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  // As Electron: quit asks before-quit listeners (which may prevent it and quit again later);
  // exit ends at once without them.
  quit() {
    let prevented = false;
    app.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) app.exit(0);
  },
  exit(code) {
    if (exiting) return;
    exiting = true;
    process.exitCode = code ?? 0;
    setImmediate(() => process.exit(code ?? 0));
  },
});

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.mainFrame = { url: 'app://bundle/index.html', parent: null };
  }
  setWindowOpenHandler() {}
}

const windows = [];
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
    setImmediate(() => void playRenderer());
  }
  show() {}
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  async loadURL(url) {
    this.loaded = url;
  }
}

async function playRenderer() {
  const mainWindow = windows[0];
  const result = {
    handlers: handlers.size,
    loaded: mainWindow.loaded,
    preload: mainWindow.options.webPreferences.preload,
  };
  try {
    const info = handlers.get('da:system.info');
    const frame = mainWindow.webContents.mainFrame;
    const answer = await info({ sender: mainWindow.webContents, senderFrame: frame }, {});
    // Main passes the core's answer on as JSON text; the preload parses it.
    result.systemInfo = typeof answer === 'string' ? JSON.parse(answer) : answer;
    const page = await protocolHandler({ url: 'app://bundle/index.html' });
    result.page = {
      status: page.status,
      type: page.headers.get('content-type'),
      body: (await page.text()).slice(0, 400),
    };
  } catch (e) {
    result.error = e instanceof Error ? e.stack : String(e);
  }
  report(result);
  app.quit(); // as closing the window: the app closes its core (and the store) before it exits
}

const session = {
  setPermissionRequestHandler() {},
  setPermissionCheckHandler() {},
  setDevicePermissionHandler() {},
  setDisplayMediaRequestHandler() {},
  setSpellCheckerEnabled() {},
  setSpellCheckerLanguages() {},
  webRequest: { onBeforeRequest() {} },
};

const electron = {
  app,
  BrowserWindow,
  ipcMain: { handle: (channel, fn) => handlers.set(channel, fn) },
  protocol: {
    registerSchemesAsPrivileged() {},
    handle: (_scheme, fn) => (protocolHandler = fn),
  },
  session: { defaultSession: session },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu() {} },
  dialog: {
    showErrorBox(title, message) {
      report({ errorBox: { title, message } });
    },
  },
  shell: { showItemInFolder() {} },
};

// As in Electron's main process (the CLI module checks it to know it was bundled into the app).
Object.defineProperty(process.versions, 'electron', { value: '45.5.0', enumerable: true });

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'electron') return 'stand-in:electron';
  return resolve.call(this, request, ...rest);
};
require.cache['stand-in:electron'] = {
  id: 'stand-in:electron',
  filename: 'stand-in:electron',
  loaded: true,
  exports: electron,
};
