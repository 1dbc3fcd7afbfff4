// UUIDv7 ids: time-ordered (good B-tree locality) and globally unique, so stores from two
// workstations can be merged without renumbering.
import { randomBytes } from 'node:crypto';

let lastMs = 0;
// Random bytes drawn 4 KB at a time: one call per id was a tenth of a 50,000-row import's write.
let pool = Buffer.alloc(0);
let poolAt = 0;
function random16(): Buffer {
  if (poolAt + 16 > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  poolAt += 16;
  return pool.subarray(poolAt - 16, poolAt);
}
let counter = 0;

export function newId(nowMs: number = Date.now()): string {
  // A 12-bit counter keeps ids monotonic within one millisecond.
  if (nowMs <= lastMs) {
    counter = (counter + 1) & 0xfff;
    if (counter === 0) lastMs += 1;
    nowMs = lastMs;
  } else {
    lastMs = nowMs;
    counter = 0;
  }
  const b = Buffer.from(random16());
  b.writeUIntBE(nowMs, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
