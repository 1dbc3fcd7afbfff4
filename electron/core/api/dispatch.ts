// The single entry to core services from outside (IPC, the e2e server): validate the input against
// the contract, check the operator's permission, run the handler, return a Result — never throw.
import { diskError } from '../db/disk-errors';
import { contract, type ContractMethod } from '../../../shared/api';
import { roleHas } from '../../../shared/auth/permissions';
import { AppError, fail, ok, type Result } from '../../../shared/result';
import type { AppCore } from '../app-core';
import type { Handler } from './handler';
import type { Session } from './session';
import { ANONYMOUS_OPERATOR } from '../context';
import { handlers } from './handlers';
import { zodIssuesToChinese } from './zod-messages';
import { appErrorFromTrigger } from '../db/trigger-errors';
import { findUnsafeInValue, unsafeCharProblem } from '../../../shared/text/safe-chars';

export async function dispatch(
  core: AppCore,
  session: Session,
  methodName: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  const started = performance.now();
  const result = await dispatchTimed(core, session, methodName, rawInput);
  // Dialog methods wait for a person, not for the store: they would only fill the log with noise.
  // Only contract names are logged: an unknown name is caller text and stays out of the file.
  if (Object.prototype.hasOwnProperty.call(contract, methodName) && !methodName.startsWith('desktop.pick'))
    core.slowCalls.observe(methodName, performance.now() - started);
  return result;
}

async function dispatchTimed(
  core: AppCore,
  session: Session,
  methodName: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!Object.prototype.hasOwnProperty.call(contract, methodName)) {
    return fail('INVALID_INPUT', `未知的操作：${methodName.slice(0, 80)}`);
  }
  const name = methodName as ContractMethod;
  const spec = contract[name];
  // Session and permission first: a caller without the right learns nothing about the input's shape.
  let gate: Result<never> | null;
  try {
    gate = core.guard(session, spec.permission, name);
  } catch (e) {
    core.logError(name, e);
    return fail('INTERNAL', '程序内部错误，操作未完成，数据未被修改。请把日志文件交给技术支持。', { method: name });
  }
  if (gate) return gate;
  // One boundary for every text field of every method: nothing XML cannot carry and no bidi control
  // reaches the store, so no sheet printed later can be malformed or show a reordered name.
  const unsafe = findUnsafeInValue(rawInput);
  if (unsafe) {
    const field = unsafe.path.length ? unsafe.path.join('.') : '（整体）';
    const message = unsafeCharProblem(unsafe.problem);
    return fail('INVALID_INPUT', `输入有误：${field}：${message}`, { issues: [{ field, message }] });
  }
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = zodIssuesToChinese(parsed.error.issues);
    return fail('INVALID_INPUT', `输入有误：${issues.map((i) => `${i.field}：${i.message}`).join('；')}`, { issues });
  }
  try {
    const ctx = core.ctx(session.operator ?? ANONYMOUS_OPERATOR);
    const handler = handlers[name] as Handler<ContractMethod>;
    const value = await handler(ctx, parsed.data, session, core);
    if (core.checkOutputs) {
      const out = spec.output.safeParse(value);
      if (!out.success)
        return fail('INTERNAL', `程序内部错误：${name} 的返回值不符合约定`, { issues: out.error.issues });
    }
    return ok(value);
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toShape() };
    const locked = appErrorFromTrigger(e) ?? diskError(e);
    if (locked) return { ok: false, error: locked.toShape() };
    core.logError(name, e);
    return fail('INTERNAL', '程序内部错误，操作未完成，数据未被修改。请把日志文件交给技术支持。', { method: name });
  }
}

export function permissionGate(
  session: Session,
  permission: (typeof contract)[ContractMethod]['permission'],
): Result<never> | null {
  if (permission === 'public') return null;
  if (!session.operator) return fail('UNAUTHENTICATED', '请先登录。');
  if (!roleHas(session.operator.role, permission)) {
    return fail('FORBIDDEN', '当前账号的角色无权执行此操作。如需要，请联系安全管理员调整权限。', { permission });
  }
  return null;
}
