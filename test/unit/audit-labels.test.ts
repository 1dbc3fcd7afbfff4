// Every audit action the program can write has a Chinese name. recordAudit's type already refuses an
// unknown code; this test also reads the source, so a code smuggled past the type (a cast, a string
// built at run time) fails here, and it checks the names read as Chinese, not as codes.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTION_LABELS_EN,
  AUDIT_ENTITY_LABELS,
  AUDIT_ENTITY_LABELS_EN,
  PERMISSION_LABELS,
  PERMISSION_LABELS_EN,
  auditActionLabel,
  auditActionLabelEn,
  auditReasonText,
  isAuditAction,
} from '../../shared/audit/labels';
import { PERMISSIONS } from '../../shared/auth/permissions';
import { yearStage } from '../../shared/domain/types';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The action codes in recordAudit calls and in the `action:` parameters that feed them (a union of
 * codes in a signature, a ternary between two codes), with `${input.to}` expanded over the stages.
 */
function writtenActions(): { code: string; file: string }[] {
  const found: { code: string; file: string }[] = [];
  for (const file of sourceFiles(join(process.cwd(), 'electron'))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('recordAudit')) continue;
    for (const m of text.matchAll(/\baction:\s*([^,\n)]+)/g)) {
      const expr = m[1]!;
      for (const q of expr.matchAll(/'([^']+)'/g)) if (q[1]!.includes('.')) found.push({ code: q[1]!, file });
      for (const t of expr.matchAll(/`([^`]+)`/g)) {
        if (!t[1]!.includes('${')) found.push({ code: t[1]!, file });
        else {
          expect(t[1], `${file}: a built action code must be a stage code`).toMatch(/^yearend\.stage\.\$\{[^}]+\}$/);
          for (const s of yearStage.options) found.push({ code: `yearend.stage.${s}`, file });
        }
      }
    }
  }
  return found;
}

describe('audit labels', () => {
  it('names every action code written in the source', () => {
    const written = writtenActions();
    expect(written.length).toBeGreaterThan(50);
    const unlabelled = written.filter((w) => !isAuditAction(w.code));
    expect(unlabelled.map((w) => `${w.code} (${w.file})`)).toEqual([]);
    // every label is used: a code renamed in the source leaves no stale label behind
    const codes = new Set(written.map((w) => w.code));
    expect(Object.keys(AUDIT_ACTION_LABELS).filter((c) => !codes.has(c))).toEqual([]);
    for (const must of ['rating.update', 'rating.create', 'yearend.bulkAccept', 'yearend.stage.notice'])
      expect(isAuditAction(must), must).toBe(true);
  });

  it('labels read as Chinese, with no code left in them', () => {
    for (const [code, label] of [
      ...Object.entries(AUDIT_ACTION_LABELS),
      ...Object.entries(AUDIT_ENTITY_LABELS),
      ...Object.entries(PERMISSION_LABELS),
    ]) {
      expect(label, code).toMatch(/\p{Script=Han}/u);
      expect(label, code).not.toMatch(/[a-z]+[._][a-z]+/i);
    }
    expect(Object.keys(PERMISSION_LABELS).sort()).toEqual([...PERMISSIONS].sort());
  });

  it('an unknown code from a newer version is shown as one, a permission code in an old reason is named', () => {
    expect(auditActionLabel('future.thing')).toBe('其他操作（future.thing）');
    expect(auditReasonText('缺少权限 yearend.read')).toBe('缺少权限：查看年终考核');
  });

  it('every action, object and permission has an English name too, written in English', () => {
    for (const [zhTable, enTable] of [
      [AUDIT_ACTION_LABELS, AUDIT_ACTION_LABELS_EN],
      [AUDIT_ENTITY_LABELS, AUDIT_ENTITY_LABELS_EN],
      [PERMISSION_LABELS, PERMISSION_LABELS_EN],
    ] as const) {
      expect(Object.keys(enTable).sort()).toEqual(Object.keys(zhTable).sort());
      for (const [code, label] of Object.entries(enTable as Record<string, string>)) {
        expect(label.trim(), code).not.toBe('');
        expect(label, code).not.toMatch(/\p{Script=Han}/u);
        expect(label, code).not.toMatch(/[a-z]+[._][a-z]+/i);
      }
    }
    expect(auditActionLabelEn('rating.update')).toBe('Edit quarterly rating');
    expect(auditActionLabelEn('future.thing')).toBe('Other action (future.thing)');
  });
});
