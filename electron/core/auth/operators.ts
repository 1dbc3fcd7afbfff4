// Operator accounts (操作员): first-run setup, and management by the security administrator
// (安全管理员). Every change is audited in the same transaction; password hashes never leave here.
import { AppError } from '../../../shared/result';
import type { Role } from '../../../shared/domain/types';
import { recordAudit } from '../audit/audit-log';
import { stamp, writeTx, type Ctx, type Operator } from '../context';
import type { Db } from '../db/open';
import { newId } from '../ids';
import { assertPasswordRules, hashPassword } from './password';
import type { OperatorRow } from '../db/rows';
import { many, one, the } from '../db/query';

/** The operator table's row, as generated from the migrations. */
export type { OperatorRow };

export interface OperatorInfo extends Operator {
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export function toOperator(row: OperatorRow): Operator {
  let unitScope: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.unit_scope_json);
    if (Array.isArray(parsed)) unitScope = parsed.filter((x): x is string => typeof x === 'string');
  } catch {
    /* a damaged scope grants nothing extra: empty means "no departments" for a rater */
  }
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, unitScope };
}

function toInfo(row: OperatorRow): OperatorInfo {
  return {
    ...toOperator(row),
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    mustChangePassword: row.must_change_password === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

/** What the audit log keeps of an operator: never the hash. */
function auditView(row: OperatorRow | undefined): Record<string, unknown> | undefined {
  if (!row) return undefined;
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unitScope: toOperator(row).unitScope,
    disabled: row.disabled === 1,
  };
}

export function operatorById(db: Db, id: string): OperatorRow | undefined {
  return one<OperatorRow>(db, 'SELECT * FROM operator WHERE id = ?', id);
}

export function operatorByUsername(db: Db, username: string): OperatorRow | undefined {
  return one<OperatorRow>(db, 'SELECT * FROM operator WHERE username = ? COLLATE NOCASE', username.trim());
}

export function operatorCount(db: Db): number {
  return the<{ n: number }>(db, "SELECT COUNT(*) AS n FROM operator WHERE role <> 'system'").n;
}

export function listOperators(db: Db): OperatorInfo[] {
  return many<OperatorRow>(db, "SELECT * FROM operator WHERE role <> 'system' ORDER BY created_at, username").map(
    toInfo,
  );
}

export interface NewOperator {
  username: string;
  displayName: string;
  role: Role;
  unitScope: string[];
  password: string;
}

function assertUnitsExist(db: Db, unitIds: string[]): void {
  const missing = unitIds.filter((id) => !db.prepare('SELECT 1 FROM unit WHERE id = ?').get(id));
  if (missing.length)
    throw new AppError('NOT_FOUND', `授权的部门不存在（${missing.join('、')}），请在人员名册中确认后重新选择。`, {
      field: 'unitScope',
    });
}

function assertScopeFits(role: Role, unitScope: string[]): void {
  if (role === 'rater' && unitScope.length === 0)
    throw new AppError('INVALID_INPUT', '部门评价人必须至少授权一个部门。', {
      issues: [{ field: 'unitScope', message: '至少选择一个部门' }],
    });
}

/** Inserts one operator (hash computed before the transaction so the write lock is held briefly). */
async function insertOperator(
  ctx: Ctx,
  input: NewOperator,
  mustChange: boolean,
  action: 'operator.create' | 'operator.setup',
): Promise<OperatorInfo> {
  assertPasswordRules(input.password, input.username);
  assertScopeFits(input.role, input.unitScope);
  const hash = await hashPassword(input.password);
  return writeTx(ctx, () => {
    if (operatorByUsername(ctx.db, input.username))
      throw new AppError('CONFLICT', `用户名“${input.username}”已被使用，请换一个。`, { field: 'username' });
    assertUnitsExist(ctx.db, input.unitScope);
    const now = stamp(ctx);
    const id = newId();
    ctx.db
      .prepare(
        `INSERT INTO operator (id, username, display_name, role, unit_scope_json, password_hash, must_change_password, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.username.trim(),
        input.displayName.trim(),
        input.role,
        JSON.stringify(input.unitScope),
        hash,
        mustChange ? 1 : 0,
        now,
        now,
      );
    const row = operatorById(ctx.db, id)!;
    recordAudit(ctx, { action, entity: 'operator', entityId: id, after: auditView(row) });
    return toInfo(row);
  });
}

/**
 * First run: the administrator (系统管理员) and the security administrator (安全管理员) together,
 * since 等保 keeps the two apart and nobody else could create the second one.
 */
export async function setupFirstOperators(
  ctx: Ctx,
  admin: Omit<NewOperator, 'role' | 'unitScope'>,
  security: Omit<NewOperator, 'role' | 'unitScope'>,
): Promise<{ admin: OperatorInfo; security: OperatorInfo }> {
  if (admin.username.trim().toLowerCase() === security.username.trim().toLowerCase()) {
    throw new AppError('INVALID_INPUT', '系统管理员与安全管理员须使用不同的用户名。', {
      issues: [{ field: 'security.username', message: '与系统管理员相同' }],
    });
  }
  assertPasswordRules(admin.password, admin.username, '系统管理员密码');
  assertPasswordRules(security.password, security.username, '安全管理员密码');
  const [adminHash, securityHash] = await Promise.all([hashPassword(admin.password), hashPassword(security.password)]);
  return writeTx(ctx, () => {
    if (operatorCount(ctx.db) > 0) throw new AppError('CONFLICT', '系统已初始化，请直接登录。');
    const now = stamp(ctx);
    // Both entries are on the record as acts of the new administrator (nobody was signed in yet).
    let actor: Ctx = ctx;
    const made = [
      { ...admin, role: 'admin' as const, hash: adminHash },
      { ...security, role: 'security' as const, hash: securityHash },
    ].map((o) => {
      const id = newId();
      ctx.db
        .prepare(
          `INSERT INTO operator (id, username, display_name, role, unit_scope_json, password_hash, created_at, updated_at)
           VALUES (?, ?, ?, ?, '[]', ?, ?, ?)`,
        )
        .run(id, o.username.trim(), o.displayName.trim(), o.role, o.hash, now, now);
      const row = operatorById(ctx.db, id)!;
      if (o.role === 'admin') actor = { ...ctx, operator: toOperator(row) };
      recordAudit(actor, {
        action: 'operator.setup',
        entity: 'operator',
        entityId: id,
        after: auditView(row),
        reason: '首次使用初始化',
      });
      return toInfo(row);
    });
    return { admin: made[0]!, security: made[1]! };
  });
}

export function createOperator(ctx: Ctx, input: NewOperator): Promise<OperatorInfo> {
  return insertOperator(ctx, input, true, 'operator.create');
}

/** Keeps at least one enabled administrator and one enabled security administrator. */
function assertKeepsKeyRoles(db: Db, changing: OperatorRow, next: { role: string; disabled: boolean }): void {
  for (const role of ['admin', 'security'] as const) {
    if (changing.role !== role || (next.role === role && !next.disabled)) continue;
    const others = the<{ n: number }>(
      db,
      'SELECT COUNT(*) AS n FROM operator WHERE role = ? AND disabled = 0 AND id <> ?',
      role,
      changing.id,
    ).n;
    if (others === 0)
      throw new AppError(
        'CONFLICT',
        `不能停用或改变最后一个${role === 'admin' ? '系统管理员' : '安全管理员'}，请先新建另一个。`,
      );
  }
}

export function updateOperator(
  ctx: Ctx,
  input: { id: string; displayName: string; role: Role; unitScope: string[] },
): OperatorInfo {
  assertScopeFits(input.role, input.unitScope);
  return writeTx(ctx, () => {
    const before = operatorById(ctx.db, input.id);
    if (!before || before.role === 'system') throw new AppError('NOT_FOUND', '找不到该操作员，请刷新列表。');
    if (before.id === ctx.operator.id && before.role !== input.role)
      throw new AppError('FORBIDDEN', '不能修改自己的角色，请由另一位安全管理员操作。');
    assertKeepsKeyRoles(ctx.db, before, { role: input.role, disabled: before.disabled === 1 });
    assertUnitsExist(ctx.db, input.unitScope);
    ctx.db
      .prepare('UPDATE operator SET display_name = ?, role = ?, unit_scope_json = ?, updated_at = ? WHERE id = ?')
      .run(input.displayName.trim(), input.role, JSON.stringify(input.unitScope), stamp(ctx), input.id);
    const after = operatorById(ctx.db, input.id)!;
    recordAudit(ctx, {
      action: 'operator.update',
      entity: 'operator',
      entityId: input.id,
      before: auditView(before),
      after: auditView(after),
    });
    return toInfo(after);
  });
}

export function setOperatorDisabled(ctx: Ctx, input: { id: string; disabled: boolean; reason: string }): OperatorInfo {
  return writeTx(ctx, () => {
    const before = operatorById(ctx.db, input.id);
    if (!before || before.role === 'system') throw new AppError('NOT_FOUND', '找不到该操作员，请刷新列表。');
    if (before.id === ctx.operator.id) throw new AppError('FORBIDDEN', '不能停用自己的账号。');
    assertKeepsKeyRoles(ctx.db, before, { role: before.role, disabled: input.disabled });
    ctx.db
      .prepare('UPDATE operator SET disabled = ?, updated_at = ? WHERE id = ?')
      .run(input.disabled ? 1 : 0, stamp(ctx), input.id);
    const after = operatorById(ctx.db, input.id)!;
    recordAudit(ctx, {
      action: input.disabled ? 'operator.disable' : 'operator.enable',
      entity: 'operator',
      entityId: input.id,
      before: auditView(before),
      after: auditView(after),
      reason: input.reason,
    });
    return toInfo(after);
  });
}

/** Sets a temporary password, clears the lockout and forces a change at the next log-in. */
export async function resetOperatorPassword(ctx: Ctx, input: { id: string; password: string }): Promise<OperatorInfo> {
  const target = operatorById(ctx.db, input.id);
  if (!target || target.role === 'system') throw new AppError('NOT_FOUND', '找不到该操作员，请刷新列表。');
  assertPasswordRules(input.password, target.username, '临时密码');
  const hash = await hashPassword(input.password);
  return writeTx(ctx, () => {
    ctx.db
      .prepare(
        'UPDATE operator SET password_hash = ?, must_change_password = 1, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
      )
      .run(hash, stamp(ctx), input.id);
    recordAudit(ctx, {
      action: 'operator.resetPassword',
      entity: 'operator',
      entityId: input.id,
      reason: '管理员重置密码，下次登录须修改',
    });
    return toInfo(operatorById(ctx.db, input.id)!);
  });
}
