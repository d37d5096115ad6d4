import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../../src/server/storage/one-at-a-time';

describe('oneAtATime', () => {
  it('starts each call only after the one before it settled, in queue order', async () => {
    const queue = oneAtATime();
    const log: string[] = [];
    let release!: () => void;
    const first = queue.run(async () => {
      log.push('first starts');
      await new Promise<void>((r) => {
        release = r;
      });
      log.push('first ends');
      return 1;
    });
    const second = queue.run(() => {
      log.push('second runs');
      return 2;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['first starts']);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['first starts', 'first ends', 'second runs']);
  });

  it('turns a throw into a rejection of that call only; the next call still runs', async () => {
    const queue = oneAtATime();
    const failed = queue.run(() => {
      throw new Error('boom');
    });
    const next = queue.run(() => 'after');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
  });

  it('is idle once every call queued so far has settled, failed ones included', async () => {
    const queue = oneAtATime();
    let done = false;
    void queue.run(async () => {
      await new Promise((r) => setImmediate(r));
      done = true;
    });
    void queue.run(() => Promise.reject(new Error('x'))).catch(() => undefined);
    await queue.idle();
    expect(done).toBe(true);
  });
});
