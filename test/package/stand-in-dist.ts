// Stand-in Electron distributions for electron-builder's `electronDist`: this machine cannot download
// Electron (the npm package carries no binary, and the release zips are not on the npm registry), so
// the builder packs our app around an executable that holds only what packaging touches: Electron's
// fuse wire (flipped by electronFuses) and, for Windows, a real PE with a version resource (where the
// builder embeds the asar integrity hash). Every fuse starts "on", the worst case, so the test sees
// each one the configuration turns off actually flipped.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// resedit: the library electron-builder (app-builder-lib) edits Windows executables with. Loaded
// untyped on purpose: its type declarations pull the DOM library into the Node-side typecheck.
interface ResourceEntry {
  type: number | string;
  id: number | string;
  lang: number;
  codepage: number;
  bin: ArrayBuffer | Uint8Array;
}
interface Resedit {
  NtExecutable: { createEmpty(is32Bit: boolean, isDll: boolean): { generate(): ArrayBuffer } };
  NtExecutableResource: {
    from(exe: unknown): { entries: ResourceEntry[]; outputResource(exe: unknown): void };
  };
  Resource: {
    VersionInfo: {
      createEmpty(): {
        lang: number;
        setStringValues(lang: { lang: number; codepage: number }, values: Record<string, string>): void;
        outputToResourceEntries(entries: ResourceEntry[]): void;
      };
    };
  };
}
const { NtExecutable, NtExecutableResource, Resource } = createRequire(import.meta.url)('resedit') as Resedit;

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's wire: version 1, then one byte per fuse ('1' on, '0' off, 'r' removed). */
const WIRE = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 9]), Buffer.from('111111111')]);

function common(dir: string, electronVersion: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'version'), electronVersion);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in for Electron’s licence\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
}

/** linux: an ELF-headed file named `electron` holding the fuse wire. */
export function linuxStandIn(dir: string, electronVersion: string): string {
  common(dir, electronVersion);
  const elf = Buffer.alloc(4096, 0);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46]).copy(elf);
  writeFileSync(join(dir, 'electron'), Buffer.concat([elf, WIRE, Buffer.alloc(512)]), { mode: 0o755 });
  return dir;
}

/** win32: `electron.exe`, an empty but valid PE with one version-info language and the wire as RCDATA. */
export function windowsStandIn(dir: string, electronVersion: string): string {
  common(dir, electronVersion);
  const exe = NtExecutable.createEmpty(false, false);
  const res = NtExecutableResource.from(exe);
  const info = Resource.VersionInfo.createEmpty();
  info.lang = 1033;
  info.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', FileVersion: electronVersion });
  info.outputToResourceEntries(res.entries);
  res.entries.push({ type: 10, id: 1, lang: 1033, codepage: 1200, bin: WIRE });
  res.outputResource(exe);
  writeFileSync(join(dir, 'electron.exe'), Buffer.from(exe.generate()));
  return dir;
}
