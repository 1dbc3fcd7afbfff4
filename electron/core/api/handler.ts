// The shape of a contract method's implementation. Its own module so each handler file can be typed
// without importing the dispatcher (which imports every handler: a cycle).
import type { z } from 'zod';
import type { contract, ContractMethod, OutputOf } from '../../../shared/api';
import type { AppCore } from '../app-core';
import type { Ctx } from '../context';
import type { Session } from './session';

export type Handler<M extends ContractMethod> = (
  ctx: Ctx,
  input: z.output<(typeof contract)[M]['input']>,
  session: Session,
  core: AppCore,
) => OutputOf<M> | Promise<OutputOf<M>>;

export type HandlerMap = { [M in ContractMethod]: Handler<M> };
