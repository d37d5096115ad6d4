// ObjectId-style ids (spec §1.4): 4-byte seconds + 5 random bytes + 3-byte counter, 24 lower-case
// hex. The seconds prefix keeps ids roughly time-ordered, which makes `id` a usable tie-breaker
// when two analyses share a createdAt.
import { randomBytes } from 'node:crypto';

/** Makes ObjectId-style ids; `nowMs` supplies the clock so tests can pin the prefix. */
export function createIdGenerator(nowMs: () => number = Date.now): () => string {
  // Like MongoDB: the random part is fixed per generator and the counter starts at a random value.
  const random = randomBytes(5).toString('hex');
  let counter = randomBytes(3).readUIntBE(0, 3);
  return () => {
    const seconds = Math.floor(nowMs() / 1000) >>> 0;
    counter = (counter + 1) & 0xffffff;
    return seconds.toString(16).padStart(8, '0') + random + counter.toString(16).padStart(6, '0');
  };
}
