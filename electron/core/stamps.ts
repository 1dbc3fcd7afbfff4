// Updated-at stamps that only move forward per record: the optimistic check on updatedAt must see a
// change even when two saves fall in the same millisecond (or under a test's fixed clock).
import { stamp, type Ctx } from './context';

export function nextStamp(ctx: Ctx, previous: string | null | undefined): string {
  const now = stamp(ctx);
  if (!previous || now > previous) return now;
  const prevMs = Date.parse(previous);
  return new Date((Number.isNaN(prevMs) ? Date.parse(now) : prevMs) + 1).toISOString();
}
