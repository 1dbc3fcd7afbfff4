// Packaging, really run: electron-builder builds the linux (x64, arm64) and Windows x64 `dir` targets
// from electron-builder.yml around stand-in Electron distributions (test/package/stand-in-dist.ts),
// offline. Then the result is inspected: the file set inside app.asar (production files only, the
// migrations), the native binary for each target unpacked beside it, the fuses flipped in the
// executable, the asar integrity embedded in the Windows executable; and the packed main bundle is
// started under Node with a stand-in `electron` module until it opens a store and answers an IPC call,
// (its core thread, out/main/core.js, opening the store), and as the --cli tool (demo with its
// worker-built pack, then verify-audit).
// Not exercised here (they need downloads this machine cannot make): the .deb (fpm), the NSIS
// installer and portable exe (NSIS), icon/version editing and signing of the exe (winCodeSign), and
// a real Electron binary loading the asar. Run with: npm run test:package
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractAll, getRawHeader, listPackage, statFile } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { linuxStandIn, windowsStandIn } from './stand-in-dist';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  electronFuses: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean }>;
};
const devOnly = Object.entries(lock.packages)
  .filter(([path, p]) => p.dev && /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path))
  .map(([path]) => path.slice('node_modules/'.length));
const migrations = readdirSync(join(root, 'electron/core/db/migrations')).filter((f) => f.endsWith('.sql'));

const work = mkdtempSync(join(tmpdir(), 'da-package-'));
const out = join(work, 'dist');
const targets = {
  'linux-x64': { dir: join(out, 'linux-unpacked'), exe: 'dynamic-assessment', node: 'linux-x64.node', machine: 0x3e },
  'linux-arm64': {
    dir: join(out, 'linux-arm64-unpacked'),
    exe: 'dynamic-assessment',
    node: 'linux-arm64.node',
    machine: 0xb7,
  },
  'win-x64': { dir: join(out, 'win-unpacked'), exe: 'DynamicAssessment.exe', node: 'win32-x64.node', machine: 0x8664 },
} as const;
type Target = keyof typeof targets;

function builder(args: string[]): Promise<{ code: number | null; log: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/electron-builder/cli.js'), ...args], {
      cwd: root,
      env: { ...process.env, CI: 'true' },
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('close', (code) => done({ code, log }));
  });
}

beforeAll(async () => {
  if (!existsSync(join(root, 'out/main/index.js'))) throw new Error('out/ is missing: run npm run build first');
  const linuxDist = linuxStandIn(join(work, 'electron-linux'), electronVersion);
  const winDist = windowsStandIn(join(work, 'electron-win'), electronVersion);
  const common = [`-c.directories.output=${out}`, '--publish', 'never'];
  // Two builds side by side (two cores); each spends most of its time listing node_modules.
  const [linux, win] = await Promise.all([
    builder(['--linux', 'dir', '--x64', '--arm64', `-c.electronDist=${linuxDist}`, ...common]),
    // Icon and version strings are written with winCodeSign's tools, which the builder downloads.
    builder(['--win', 'dir', '--x64', `-c.electronDist=${winDist}`, '-c.win.signAndEditExecutable=false', ...common]),
  ]);
  if (linux.code !== 0) throw new Error(`electron-builder --linux failed:\n${linux.log}`);
  if (win.code !== 0) throw new Error(`electron-builder --win failed:\n${win.log}`);
}, 600_000);

const asarOf = (t: Target) => join(targets[t].dir, 'resources', 'app.asar');

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}

// The file set and sizes, for the record (the stand-in executable's own size means nothing); then
// the build is removed (about 100 MB) unless DA_KEEP_PACKAGE=1.
afterAll(() => {
  report();
  if (process.env.DA_KEEP_PACKAGE !== '1') rmSync(work, { recursive: true, force: true });
  else console.log(`package kept in ${work}`);
});

function report(): void {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  for (const target of Object.keys(targets) as Target[]) {
    if (!existsSync(asarOf(target))) continue;
    const header = getRawHeader(asarOf(target)).header as { files: Record<string, unknown> };
    const sizes = new Map<string, number>();
    const walk = (node: { files?: Record<string, unknown>; size?: number }, key: string) => {
      if (node.files) for (const [name, child] of Object.entries(node.files)) walk(child as typeof node, key || name);
      else sizes.set(key, (sizes.get(key) ?? 0) + (node.size ?? 0));
    };
    for (const [name, child] of Object.entries(header.files)) {
      if (name === 'node_modules')
        for (const [mod, sub] of Object.entries((child as { files: Record<string, unknown> }).files))
          walk(sub as { files?: Record<string, unknown> }, `node_modules/${mod}`);
      else walk(child as { files?: Record<string, unknown> }, name);
    }
    const biggest = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 6);
    const unpacked = folderSize(join(targets[target].dir, 'resources/app.asar.unpacked'));
    console.log(
      `${target}: app.asar ${mb(statSync(asarOf(target)).size)}, ${listPackage(asarOf(target), { isPack: false }).length} entries; ` +
        `app.asar.unpacked ${mb(unpacked.bytes)} in ${unpacked.files} files; largest: ` +
        biggest.map(([k, v]) => `${k} ${mb(v)}`).join(', '),
    );
  }
}

describe.each(Object.keys(targets) as Target[])('the %s package', (target) => {
  const t = targets[target];

  it('holds the three bundles, the worker and every migration, and no source, test, map or dev dependency', () => {
    const files = listPackage(asarOf(target), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const f of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/core.js',
      '/out/main/worker.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
    ])
      expect(files).toContain(f);
    for (const m of migrations) expect(files).toContain(`/out/main/migrations/${m}`);
    const top = new Set(files.map((f) => f.split('/')[1]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json']);
    expect(files.filter((f) => /\.(map|ts|tsx|mts|cts)$/.test(f))).toEqual([]);
    const modules = new Set(
      files.map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter((m): m is string => !!m),
    );
    for (const dep of Object.keys(pkg.dependencies)) expect(modules).toContain(dep);
    // Dev-only packages, as package-lock.json marks them (dayjs is both: exceljs needs it at run time).
    for (const dev of devOnly) expect(modules, dev).not.toContain(dev);
    for (const dev of ['electron', 'electron-builder', 'react', 'antd', 'vite', 'vitest', 'typescript'])
      expect(modules, dev).not.toContain(dev);
    expect(modules).not.toContain('node-addon-api');
    expect(files.filter((f) => /better-sqlite3\/(deps|src)\/|exceljs\/dist\/|zod\/src\/|@types\//.test(f))).toEqual([]);
  });

  it("carries exactly the target's better-sqlite3 binary, unpacked beside the archive", () => {
    const rel = `node_modules/better-sqlite3/prebuilds/${t.node}`;
    expect(statFile(asarOf(target), rel)).toMatchObject({ unpacked: true });
    const unpacked = join(t.dir, 'resources/app.asar.unpacked', rel);
    const bin = readFileSync(unpacked);
    if (target.startsWith('win')) {
      const pe = bin.readUInt32LE(0x3c); // PE header offset; the machine field follows "PE\0\0"
      expect(bin.readUInt16LE(pe + 4)).toBe(t.machine);
    } else {
      expect(bin.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
      expect(bin.readUInt16LE(18)).toBe(t.machine); // e_machine: x86-64 or AArch64
    }
    const nodes = listPackage(asarOf(target), { isPack: false }).filter((f) => f.endsWith('.node'));
    expect(nodes.map((f) => f.replaceAll('\\', '/'))).toEqual([`/${rel}`]);
  });

  it('carries the licence and the third-party notices beside the archive', () => {
    expect(readFileSync(join(t.dir, 'resources/LICENSE.txt'), 'utf8')).toMatch(/^MIT License/);
    expect(readFileSync(join(t.dir, 'resources/THIRD-PARTY-NOTICES.md'), 'utf8')).toContain('| better-sqlite3 |');
  });

  it('has the fuses electron-builder.yml asks for flipped in the executable', async () => {
    const wire = (await getCurrentFuseWire(join(t.dir, t.exe))) as unknown as Record<number, FuseState>;
    const names = FuseV1Options as unknown as Record<string, number>;
    const entries = Object.entries(config.electronFuses);
    expect(entries.length).toBe(8);
    for (const [key, wanted] of entries) {
      const index = names[key[0]!.toUpperCase() + key.slice(1)]!;
      expect(index, key).toBeTypeOf('number');
      expect(wire[index], key).toBe(wanted ? FuseState.ENABLE : FuseState.DISABLE);
    }
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});

describe('the Windows package', () => {
  const dir = targets['win-x64'].dir;

  it('embeds the hash of the asar header in the executable (checked by the integrity fuse)', () => {
    const header = getRawHeader(asarOf('win-x64')).headerString;
    const hash = createHash('sha256').update(header).digest('hex');
    expect(readFileSync(join(dir, 'DynamicAssessment.exe')).includes(Buffer.from(hash))).toBe(true);
  });

  it('ships da-cli.cmd beside the program, running it with --cli', () => {
    const cmd = readFileSync(join(dir, 'da-cli.cmd'), 'latin1');
    expect(cmd).toContain('"%~dp0DynamicAssessment.exe" --cli %*');
    expect(cmd).toContain('exit /b %DA_CLI_RC%');
  });
});

describe('the packed main bundle, started under Node with a stand-in electron module', () => {
  const app = join(work, 'app-x64');
  const standIn = join(root, 'test/package/stand-in-electron.cjs');
  const run = (args: string[], dataDir: string) =>
    spawnSync(process.execPath, ['--require', standIn, join(app, 'out/main/index.js'), ...args], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, DA_DATA_DIR: dataDir },
      timeout: 120_000,
    });

  beforeAll(() => extractAll(asarOf('linux-x64'), app));

  it('opens a new store (migrated to the last version) and answers system.info from our window', () => {
    const data = mkdtempSync(join(tmpdir(), 'da-packed-'));
    const r = run([], data);
    expect(r.status, r.stderr).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('STAND-IN-RESULT '));
    expect(line, r.stdout + r.stderr).toBeDefined();
    const result = JSON.parse(line!.slice('STAND-IN-RESULT '.length)) as {
      handlers: number;
      loaded: string;
      systemInfo: { ok: boolean; value: { appVersion: string; schemaVersion: number; storeFile: string } };
      page: { status: number; type: string; body: string };
      error?: string;
    };
    expect(result.error).toBeUndefined();
    expect(result.loaded).toBe('app://bundle/index.html');
    expect(result.systemInfo.ok).toBe(true);
    expect(result.systemInfo.value).toMatchObject({ appVersion: pkg.version, schemaVersion: migrations.length });
    expect(statSync(result.systemInfo.value.storeFile).size).toBeGreaterThan(0);
    expect(result.page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(result.page.body).toContain('<title>动态考核</title>');
  });

  it('runs as the CLI with --cli: the demo (its pack written by the packed worker), then verify-audit', () => {
    const data = mkdtempSync(join(tmpdir(), 'da-packed-cli-'));
    const demo = run(['--cli', 'demo', '--data-dir', data], data);
    expect(demo.status, demo.stderr).toBe(0);
    const packs = readdirSync(join(data, '考核材料')).filter((f) => f.endsWith('.xlsx'));
    expect(packs).toHaveLength(1);
    expect(statSync(join(data, '考核材料', packs[0]!)).size).toBeGreaterThan(50_000);
    const verify = run(['--cli', 'verify-audit', '--data-dir', data], data);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/审计链完整/);
  });
});
