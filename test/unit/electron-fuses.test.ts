// The packaged app's fuses, as electron-builder.yml's electronFuses declares them (the builder flips
// them before signing; test/package/package.test.ts reads them back from a packed executable). Here,
// fast: the declared set is the hardened one, and flipping it on a stand-in wire gives exactly it.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { linuxStandIn } from '../package/stand-in-dist';

const root = resolve(import.meta.dirname, '../..');
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const fuses = (
  load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> }
).electronFuses;
const option = (key: string) =>
  (FuseV1Options as unknown as Record<string, number>)[key.charAt(0).toUpperCase() + key.slice(1)]!;

describe('fuses of the packaged app', () => {
  it('turn off run-as-node, NODE_OPTIONS and inspect; turn on asar-only with integrity; no file:// privileges', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    for (const key of Object.keys(fuses)) expect(option(key), key).toBeTypeOf('number');
  });

  it('flip as declared on a binary holding the fuse wire', async () => {
    const dir = linuxStandIn(mkdtempSync(join(tmpdir(), 'da-fuses-')), '45.5.0');
    const exe = join(dir, 'electron');
    const config = Object.fromEntries(Object.entries(fuses).map(([k, v]) => [option(k), v]));
    await flipFuses(exe, { version: FuseVersion.V1, ...config });
    const wire = (await getCurrentFuseWire(exe)) as unknown as Record<number, FuseState>;
    for (const [key, wanted] of Object.entries(fuses))
      expect(wire[option(key)], key).toBe(wanted ? FuseState.ENABLE : FuseState.DISABLE);
  });
});
