// The Electron runtime for `npm start` / `npm run dev`. Electron 45's npm package has no install
// script: `npm ci` leaves node_modules/electron without its binary and without path.txt, which
// electron-vite reads (and otherwise dies with "Electron uninstall"). This tool checks for the
// binary before start/dev (fetching it once if it is missing) and installs it on demand
// (npm run electron:install), from ELECTRON_MIRROR or
// from a zip copied in by hand (--zip FILE), always through Electron's own installer so the
// checksums shipped in the npm package verify the zip.
//
//   tsx tools/electron-runtime.ts check
//   tsx tools/electron-runtime.ts install [--zip electron-v45.5.0-win32-x64.zip]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? __dirname, '..');
export const electronDir = join(root, 'node_modules', 'electron');

export function electronVersion(dir: string = electronDir): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The zip Electron's installer looks for: electron-v45.5.0-win32-x64.zip. */
export function zipName(version: string, platform: string = process.platform, arch: string = process.arch): string {
  return `electron-v${version.replace(/^v/, '')}-${platform}-${arch}.zip`;
}

/** @electron/get's cache root: env-paths('electron').cache, or electron_config_cache when set. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.electron_config_cache) return env.electron_config_cache;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

/** The download's folder URL, as @electron/get builds it from ELECTRON_MIRROR and ELECTRON_CUSTOM_DIR. */
export function downloadFolderUrl(version: string, env: NodeJS.ProcessEnv = process.env): string {
  const v = `v${version.replace(/^v/, '')}`;
  const base =
    env.npm_config_electron_mirror ?? env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
  const custom = (env.npm_config_electron_custom_dir ?? env.ELECTRON_CUSTOM_DIR ?? v).replace(
    '{{ version }}',
    v.slice(1),
  );
  return `${base}${custom}`;
}

/**
 * Where a zip must sit for Electron's installer to find it without downloading: the cache keeps
 * each file under the SHA-256 of its download folder's URL, not directly in the cache folder
 * (which is why copying the zip into %LOCALAPPDATA%\electron\Cache alone does nothing).
 */
export function cacheSlot(version: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const folder = new URL(downloadFolderUrl(version, env));
  folder.hash = '';
  folder.search = '';
  const hash = createHash('sha256').update(folder.toString()).digest('hex');
  return join(cacheRoot(env, platform), hash, zipName(version, platform));
}

/** The binary electron-vite will start, or null with the reason. */
export function installedBinary(dir: string = electronDir, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.ELECTRON_EXEC_PATH) return existsSync(env.ELECTRON_EXEC_PATH) ? env.ELECTRON_EXEC_PATH : null;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

export function missingMessage(version: string, cause?: string): string {
  return (
    `未安装 Electron ${version} 运行程序${cause ? `（下载失败：${cause}）` : ''}：请运行 npm run electron:install（可设 ELECTRON_MIRROR 镜像；` +
    `离线时先拷入 ${zipName(version)}，再运行 npm run electron:install -- --zip 该文件）。\n` +
    `Electron ${version} runtime not installed: run npm run electron:install (honours ELECTRON_MIRROR; ` +
    `offline: npm run electron:install -- --zip ${zipName(version)}).`
  );
}

/** Runs Electron's installer; quiet (before npm start/dev): no success chatter, a failure in two lines. */
function install(zip: string | undefined, quiet = false): number {
  const version = electronVersion();
  if (zip) {
    const source = resolve(zip);
    if (!existsSync(source)) {
      console.error(`找不到文件 / file not found: ${source}`);
      return 1;
    }
    const slot = cacheSlot(version);
    mkdirSync(dirname(slot), { recursive: true });
    copyFileSync(source, slot);
    console.log(`已放入 Electron 缓存 / placed in Electron's cache: ${slot}`);
  }
  // Electron's own installer: reads the cache first, checks the zip against checksums.json, unpacks
  // it into node_modules/electron/dist and writes path.txt.
  // Its failure is a stack trace: only the first line (the cause) is shown.
  if (quiet) console.log(`正在取得 Electron ${version} 运行程序… / fetching the Electron runtime…`);
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    cwd: electronDir,
    encoding: 'utf8',
    timeout: 600_000,
  });
  const exe = installedBinary();
  if (r.status === 0 && exe) {
    console.log(`Electron ${version} 已就绪 / ready: ${exe}`);
    return 0;
  }
  const cause = (r.stderr ?? '').split('\n')[0]?.trim() || `exit ${String(r.status)}`;
  if (quiet) {
    console.error(missingMessage(version, cause));
    return 1;
  }
  console.error(
    `Electron ${version} 安装失败（${cause}）：无法下载，或 zip 与 npm 包内的校验和不符。/ install failed: no download, ` +
      `or the zip does not match the package's checksums.\n${missingMessage(version)}`,
  );
  return 1;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === 'check') {
    if (installedBinary()) return 0;
    // A binary named by ELECTRON_EXEC_PATH is the developer's choice: say it is missing, fetch nothing.
    if (process.env.ELECTRON_EXEC_PATH) {
      console.error(missingMessage(electronVersion()));
      return 1;
    }
    // A fresh clone: fetch it once (ELECTRON_MIRROR, the cache), as Electron's own launcher would.
    return install(undefined, true);
  }
  if (command === 'install') {
    const at = rest.indexOf('--zip');
    return install(at >= 0 ? rest[at + 1] : undefined);
  }
  if (command === 'where') {
    console.log(cacheSlot(electronVersion()));
    return 0;
  }
  console.error('用法 / usage: tsx tools/electron-runtime.ts check | install [--zip FILE] | where');
  return 2;
}

if (process.argv[1] !== undefined && /electron-runtime\.ts$/.test(process.argv[1])) {
  process.exit(main(process.argv.slice(2)));
}
