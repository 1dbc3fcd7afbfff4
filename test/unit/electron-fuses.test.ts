// The packaging step's fuses: flipped on a stand-in binary holding Electron's fuse wire, then read
// back with @electron/fuses (the same code reads a packaged Windows executable on Linux).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { APP_FUSES, applyFuses } from '../../resources/fuses';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

function fakeElectron(initial: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'da-fuses-')), 'electron.exe');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.alloc(4096, 0x90),
      Buffer.from(SENTINEL),
      Buffer.from([1, initial.length]),
      Buffer.from(initial),
      Buffer.alloc(512),
    ]),
  );
  return file;
}

describe('fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and inspect; turns on asar-only with integrity; no file:// privileges', async () => {
    const exe = fakeElectron('111111111'); // Electron's defaults were all "on" for these in the worst case
    await applyFuses(exe);
    const wire = (await getCurrentFuseWire(exe)) as unknown as Record<number, number>;
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(Object.keys(APP_FUSES).filter((k) => k !== 'version')).toHaveLength(8);
  });

  it('refuses a file without a fuse wire (not an Electron build)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'da-fuses-')), 'notepad.exe');
    writeFileSync(file, Buffer.alloc(2048, 1));
    await expect(applyFuses(file)).rejects.toThrow(/sentinel/);
  });
});
