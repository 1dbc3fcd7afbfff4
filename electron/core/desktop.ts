// What the core asks of the desktop shell: native file dialogs and showing a file. Electron main
// provides the real one; the command-line tool and the e2e server provide stand-ins.

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DesktopBridge {
  pickOpenFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  pickSaveFile(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  pickFolder(options: { title: string }): Promise<string | null>;
  showInFolder(path: string): Promise<void>;
  /** Opens a file the core wrote (a checked copy of a 证明材料) in the system's viewer for its type. */
  openFile(path: string): Promise<void>;
}

/** Headless stand-in: answers each pick from a queue the caller (a test) fills. */
export class ScriptedDesktop implements DesktopBridge {
  readonly opened: string[] = [];
  constructor(
    public nextOpen: (string | null)[] = [],
    public nextSave: (string | null)[] = [],
    public nextFolder: (string | null)[] = [],
  ) {}
  async pickOpenFile(): Promise<string | null> {
    return this.nextOpen.shift() ?? null;
  }
  async pickSaveFile(): Promise<string | null> {
    return this.nextSave.shift() ?? null;
  }
  async pickFolder(): Promise<string | null> {
    return this.nextFolder.shift() ?? null;
  }
  async showInFolder(path: string): Promise<void> {
    this.opened.push(path);
  }
  /** files handed to the system viewer */
  readonly viewed: string[] = [];
  async openFile(path: string): Promise<void> {
    this.viewed.push(path);
  }
}
