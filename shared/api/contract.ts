// The shape of a contract entry: input and output schemas plus the permission main enforces.
import type { z } from 'zod';
import type { Permission } from '../auth/permissions';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  permission: Permission;
  /** one line for people reading the contract (and the role table) */
  summary: string;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> => spec;
