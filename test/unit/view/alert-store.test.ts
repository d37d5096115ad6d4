import { describe, expect, it } from 'vitest';
import { ALERT_STORAGE_PREFIX, localAlertStore } from '../../../src/view/crossing-alerts';

function fakeStorage(initial: Record<string, string> = {}, refuse = false) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (refuse) throw new Error('QuotaExceededError');
      data.set(k, v);
    },
  };
}

describe('localAlertStore', () => {
  it('keeps marks per analysis under chartmark:alerts:<id>', () => {
    const s = fakeStorage();
    const store = localAlertStore(s);
    store.set('a1', 'line', true);
    store.set('a1', 'rect', true);
    store.set('a1', 'line', false);
    store.set('a2', 'line', true);
    expect(s.data.get(`${ALERT_STORAGE_PREFIX}a1`)).toBe('["rect"]');
    expect([...localAlertStore(s).marked('a2')]).toEqual(['line']);
  });
  it('ignores unreadable stored values and keeps marks in memory when storage refuses', () => {
    const s = fakeStorage(
      { [`${ALERT_STORAGE_PREFIX}a1`]: '{not json', [`${ALERT_STORAGE_PREFIX}a2`]: '[1,"x"]' },
      true,
    );
    const store = localAlertStore(s);
    expect([...store.marked('a1')]).toEqual([]);
    expect([...store.marked('a2')]).toEqual(['x']);
    store.set('a1', 'line', true);
    expect([...store.marked('a1')]).toEqual(['line']);
    expect([...localAlertStore(null).marked('a1')]).toEqual([]);
  });
});
