// ObjectId-style ids (spec §1.4): a 4-byte seconds prefix + 8 random bytes, 24 lower-case hex.
// The seconds prefix keeps ids roughly time-ordered, which makes `id` a usable tie-breaker when
// two analyses share a createdAt. The rest is fresh randomness for every id (64 bits, spec §5): unlike MongoDB's per-process random part and counter, a neighbour's id tells
// nothing about the next one, so ids cannot be guessed from ids one has seen.
import { randomBytes } from 'node:crypto';

/** Random bytes drawn per refill, so most ids cost no call into the random source. */
const POOL_IDS = 256;

/** Makes ObjectId-style ids; `nowMs` supplies the clock so tests can pin the prefix. */
export function createIdGenerator(nowMs: () => number = Date.now): () => string {
  // The pool is turned into hex once per refill and the prefix once per second: a create with
  // 100 drawings takes 101 ids, and a hex conversion per id cost more than both together.
  let hex = '';
  let at = 0;
  let second = -1;
  let prefix = '';
  return () => {
    if (at + 16 > hex.length) {
      hex = randomBytes(8 * POOL_IDS).toString('hex');
      at = 0;
    }
    const seconds = Math.floor(nowMs() / 1000) >>> 0;
    if (seconds !== second) {
      second = seconds;
      prefix = seconds.toString(16).padStart(8, '0');
    }
    const id = prefix + hex.slice(at, at + 16);
    at += 16;
    return id;
  };
}
