// ObjectId-style ids (spec §1.4): a 4-byte seconds prefix + 8 random bytes, 24 lower-case hex.
// The seconds prefix keeps ids roughly time-ordered, which makes `id` a usable tie-breaker when
// two analyses share a createdAt. The rest is fresh randomness for every id (64 bits, spec §5): unlike MongoDB's per-process random part and counter, a neighbour's id tells
// nothing about the next one, so ids cannot be guessed from ids one has seen.
import { randomBytes } from 'node:crypto';

/** Random bytes drawn per refill, so most ids cost no call into the random source. */
const POOL_IDS = 256;

/** Makes ObjectId-style ids; `nowMs` supplies the clock so tests can pin the prefix. */
export function createIdGenerator(nowMs: () => number = Date.now): () => string {
  let pool = Buffer.alloc(0);
  let at = 0;
  return () => {
    if (at + 8 > pool.length) {
      pool = randomBytes(8 * POOL_IDS);
      at = 0;
    }
    const random = pool.toString('hex', at, at + 8);
    at += 8;
    const seconds = Math.floor(nowMs() / 1000) >>> 0;
    return seconds.toString(16).padStart(8, '0') + random;
  };
}
