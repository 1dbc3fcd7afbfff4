// The arrows of the architecture, enforced: shared/ imports nothing of the others, the renderer
// never reaches into electron/, and only electron/main and electron/preload may import 'electron'.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(rel);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    specs.push(m[1] ?? m[2] ?? m[3] ?? '');
  }
  return specs;
}

function resolvesInto(file: string, spec: string, dir: string): boolean {
  if (spec.startsWith('@shared/')) return dir === 'shared';
  if (!spec.startsWith('.')) return false;
  const target = relative(root, join(root, file, '..', spec));
  return target === dir || target.startsWith(dir + '/');
}

/** The file a relative (or @shared/) import names, or null for a package. */
function resolveFile(file: string, spec: string): string | null {
  const base = spec.startsWith('@shared/')
    ? join('shared', spec.slice(8))
    : spec.startsWith('.')
      ? relative(root, join(root, file, '..', spec))
      : null;
  if (base === null) return null;
  for (const c of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'), base])
    if (existsSync(join(root, c)) && statSync(join(root, c)).isFile()) return c;
  return null;
}

/** Groups of files that import each other, directly or round a loop (Tarjan's strongly connected components). */
function importCycles(files: string[]): string[][] {
  const edges = new Map(files.map((f) => [f, importsOf(f).flatMap((s) => resolveFile(f, s) ?? [])] as const));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return groups;
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|crypto$|worker_threads$|child_process$)/;

describe('layering', () => {
  it('shared/ imports no Node module, no electron, nothing of electron/ or renderer/', () => {
    const bad = sources('shared').flatMap((f) =>
      importsOf(f)
        .filter(
          (s) =>
            s === 'electron' ||
            NODE_BUILTINS.test(s) ||
            resolvesInto(f, s, 'electron') ||
            resolvesInto(f, s, 'renderer'),
        )
        .map((s) => `${f} → ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('renderer/ never imports electron/ or the electron module', () => {
    const bad = sources('renderer').flatMap((f) =>
      importsOf(f)
        .filter((s) => s === 'electron' || NODE_BUILTINS.test(s) || resolvesInto(f, s, 'electron'))
        .map((s) => `${f} → ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it("only electron/main and electron/preload import 'electron'; core runs under plain Node", () => {
    const bad = ['electron/core', 'electron/cli'].flatMap((d) =>
      sources(d).flatMap((f) =>
        importsOf(f)
          .filter((s) => s === 'electron' || s.startsWith('electron/'))
          .map((s) => `${f} → ${s}`),
      ),
    );
    expect(bad).toEqual([]);
  });

  it('electron/core never imports electron/main, the preload or the renderer', () => {
    const bad = sources('electron/core').flatMap((f) =>
      importsOf(f)
        .filter(
          (s) =>
            resolvesInto(f, s, 'electron/main') ||
            resolvesInto(f, s, 'electron/preload') ||
            resolvesInto(f, s, 'renderer'),
        )
        .map((s) => `${f} → ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('the preload imports only electron and plain files of shared/api (a sandboxed preload loads no npm package)', () => {
    const bad = sources('electron/preload').flatMap((f) =>
      importsOf(f)
        .filter(
          (s) =>
            s !== 'electron' &&
            !(
              resolvesInto(f, s, 'shared/api') &&
              !importsOf(join(relative(root, join(root, f, '..', s)) + '.ts')).some((x) => !x.startsWith('.'))
            ),
        )
        .map((s) => `${f} → ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('no two files import each other, not even for a type (a loop makes load order and the layers unclear)', () => {
    const files = ['electron', 'shared', 'renderer'].flatMap((d) => sources(d));
    // Where this fails: move the shared piece into a file of its own both can import (see ctx.ts, db/db-type.ts).
    expect(importCycles(files)).toEqual([]);
  });

  it('the built preload requires nothing but electron', () => {
    const built = join(root, 'out/preload/index.js');
    // npm test builds first; a missing bundle is a failure, not a pass
    expect(existsSync(built), `${built} is missing: run npm run build first`).toBe(true);
    const text = readFileSync(built, 'utf8');
    const required = [...text.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required.filter((r) => r !== 'electron')).toEqual([]);
  });
});
