// The development Electron runtime: where an offline zip must go (the same slot @electron/get's
// cache reads), and one clear line instead of electron-vite's "Electron uninstall" when it is missing.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cacheSlot, electronVersion, installedBinary, zipName } from '../../tools/electron-runtime';

const root = resolve(import.meta.dirname, '../..');

describe('Electron runtime for npm start', () => {
  it('puts an offline zip where @electron/get looks for it, for the default source and a mirror', async () => {
    // @electron/get is ESM with an exports map naming only its index; its Cache is read by file.
    const { Cache } = (await import(join(root, 'node_modules/@electron/get/dist/Cache.js'))) as {
      Cache: new (root: string) => { getCachePath(url: string, file: string): string };
    };
    const version = electronVersion();
    const cache = mkdtempSync(join(tmpdir(), 'da-ecache-'));
    const file = zipName(version);
    const official = `https://github.com/electron/electron/releases/download/v${version}/${file}`;
    expect(cacheSlot(version, { electron_config_cache: cache })).toBe(new Cache(cache).getCachePath(official, file));
    const mirror = 'https://npmmirror.com/mirrors/electron/';
    expect(cacheSlot(version, { electron_config_cache: cache, ELECTRON_MIRROR: mirror })).toBe(
      new Cache(cache).getCachePath(`${mirror}v${version}/${file}`, file),
    );
    expect(version).toMatch(/^45\./);
  });

  it('finds the binary only when path.txt names a file that exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da-electron-'));
    expect(installedBinary(dir, {})).toBeNull();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(installedBinary(dir, {})).toBeNull();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(installedBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it('says in one Chinese and one English line what to run when the binary is missing', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/electron-runtime.ts', 'check'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_EXEC_PATH: join(tmpdir(), 'no-such-electron') },
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('npm run electron:install');
    expect(lines[0]).toMatch(/未安装 Electron 45/);
    expect(lines[1]).toContain('--zip electron-v45');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });
});
