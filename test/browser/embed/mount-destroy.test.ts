// mountAnalysisEditor / mountAnalysisView leave nothing behind: 50 mounts and destroys, then the
// page has the same document and window listeners, no canvas, no pending timer or frame, and no
// Web Lock held — counted by wrapping the browser's own functions before the first mount.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import { mountAnalysisEditor, mountAnalysisView } from '../../../src/embed/index';
import { EXAMPLE as detail } from '../../unit/svg/detail-builders';

const candles = demoCandles();
const listeners = new Set<string>();
const ids = new WeakMap<object, number>();
let nextId = 0;
const keyOf = (target: object, type: string, fn: unknown, options: unknown) => {
  if (!ids.has(fn as object)) ids.set(fn as object, nextId++);
  const capture =
    typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean })?.capture);
  return `${target === document ? 'document' : 'window'}:${type}:${ids.get(fn as object)}:${capture}`;
};
const timers = new Set<number>();
const frames = new Set<number>();
const originals = {
  add: EventTarget.prototype.addEventListener,
  remove: EventTarget.prototype.removeEventListener,
  setTimeout: window.setTimeout,
  clearTimeout: window.clearTimeout,
  raf: window.requestAnimationFrame,
  caf: window.cancelAnimationFrame,
};

beforeAll(() => {
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, fn, options) {
    if ((this === document || this === window) && fn) listeners.add(keyOf(this, type, fn, options));
    return originals.add.call(this, type, fn, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type, fn, options) {
    if ((this === document || this === window) && fn) listeners.delete(keyOf(this, type, fn, options));
    return originals.remove.call(this, type, fn, options);
  };
  window.setTimeout = ((fn: () => void, ms?: number, ...args: unknown[]) => {
    const id = originals.setTimeout.call(
      window,
      () => {
        timers.delete(id);
        fn(...(args as []));
      },
      ms,
    ) as unknown as number;
    timers.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    originals.clearTimeout.call(window, id);
  }) as typeof window.clearTimeout;
  window.requestAnimationFrame = (fn) => {
    const id = originals.raf.call(window, (t) => {
      frames.delete(id);
      fn(t);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    frames.delete(id);
    originals.caf.call(window, id);
  };
});

afterAll(() => {
  Object.assign(EventTarget.prototype, {
    addEventListener: originals.add,
    removeEventListener: originals.remove,
  });
  Object.assign(window, {
    setTimeout: originals.setTimeout,
    clearTimeout: originals.clearTimeout,
    requestAnimationFrame: originals.raf,
    cancelAnimationFrame: originals.caf,
  });
});

const frame = () => new Promise((r) => originals.raf.call(window, r));

/** A fake API that answers Get Analysis with the documented example (version 1). */
const api = {
  baseUrl: 'https://api.example.test',
  token: async () => 'tok',
  fetch: async (url: string, init: RequestInit) => {
    if ((init.method ?? 'GET') !== 'GET') return new Response('{}', { status: 503 });
    expect(url).toBe(`https://api.example.test/v1/analysis/${detail.id}`);
    return new Response(JSON.stringify({ status: 'success', message: 'Analysis retrieved', data: detail }), {
      status: 200,
      headers: { 'content-type': 'application/json', etag: '"1"' },
    });
  },
};

async function leftovers() {
  for (let i = 0; i < 3; i++) await frame();
  const held = (await navigator.locks.query()).held ?? [];
  return {
    listeners: [...listeners],
    canvases: document.querySelectorAll('canvas').length,
    timers: timers.size,
    frames: frames.size,
    locks: held.map((l) => l.name),
    styleSheets: document.adoptedStyleSheets.length,
  };
}

describe('mount and destroy 50 times', () => {
  it('the editor, local and synced, and the view leave no listener, canvas, timer, frame, lock or stylesheet', async () => {
    const box = document.createElement('div');
    box.style.cssText = 'width: 800px';
    document.body.append(box);
    // Konva listens once per window, at its first stage, for the page's life: that is in the
    // baseline (the overlay's Konva layer is a chunk: `ready` waits for its first stage).
    const first = mountAnalysisEditor(box, { candles });
    await first.ready;
    first.destroy();
    const before = await leftovers();
    expect(before.canvases).toBe(0);
    expect(before.listeners.length).toBeGreaterThan(0);
    for (let i = 0; i < 50; i++) {
      const synced = i % 2 === 1;
      const editor = mountAnalysisEditor(box, {
        candles,
        ...(synced
          ? { api, analysisId: detail.id, sender: 'a@example.test', sync: { persist: true, pollMs: 1000 } }
          : { analysis: detail }),
      });
      const view = mountAnalysisView(box, { analysis: detail, candles });
      await frame();
      expect(box.querySelectorAll('canvas').length).toBeGreaterThan(0);
      if (synced && i === 1) {
        // Once, the whole way: loaded from the fake server, saved, with the tab's lock taken.
        await editor.ready;
        expect(editor.status).toEqual({ kind: 'saved', version: 1 });
        expect(((await navigator.locks.query()).held ?? []).length).toBe(1);
      }
      editor.destroy();
      view.destroy();
    }
    await new Promise((r) => originals.setTimeout.call(window, r, 50));
    const after = await leftovers();
    expect(after).toEqual({ ...before, canvases: 0 });
    expect(box.childElementCount).toBe(0);
  }, 120_000);
});
