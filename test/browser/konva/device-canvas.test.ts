import { describe, expect, it } from 'vitest';
import { createDeviceCanvas } from '../../../src/konva/device-canvas';

type Report = (device: [number, number], css: [number, number]) => void;

/** A document whose window has `ratio` and a ResizeObserver the test drives by hand. */
function fakeDocument(ratio: number, observeThrows = false) {
  const observed: unknown[] = [];
  let report: Report = () => {
    throw new Error('no ResizeObserver was made');
  };
  class FakeResizeObserver {
    constructor(callback: (entries: unknown[]) => void) {
      report = (device, css) =>
        callback([
          {
            devicePixelContentBoxSize: [{ inlineSize: device[0], blockSize: device[1] }],
            contentBoxSize: [{ inlineSize: css[0], blockSize: css[1] }],
          },
        ]);
    }
    observe(_el: Element, options: unknown) {
      if (observeThrows) throw new TypeError("Failed to execute 'observe': unknown box");
      observed.push(options);
    }
    disconnect() {}
  }
  const view = { devicePixelRatio: ratio, ResizeObserver: FakeResizeObserver };
  const doc = { createElement: (tag: string) => document.createElement(tag), defaultView: view };
  return {
    doc: doc as unknown as Document,
    observed,
    report: (d: [number, number], c: [number, number]) => report(d, c),
  };
}

describe('createDeviceCanvas', () => {
  it('rounds css × ratio until the browser reports the device box, then takes the exact size and asks for a repaint', () => {
    const { doc, observed, report } = fakeDocument(1.25);
    let repaints = 0;
    const dc = createDeviceCanvas(doc, undefined, () => repaints++);
    expect(observed).toEqual([{ box: 'device-pixel-content-box' }]);
    expect(dc.resize(813, 401)).toEqual({ x: 1016 / 813, y: 501 / 401 });
    expect([dc.canvas.width, dc.canvas.height, dc.canvas.style.width, dc.canvas.style.height]).toEqual([
      1016,
      501,
      '813px',
      '401px',
    ]);
    // Where the box starts on a fractional device pixel, it covers 1017 × 502 device pixels.
    report([1017, 502], [813, 401]);
    expect(repaints).toBe(1);
    expect(dc.resize(813, 401)).toEqual({ x: 1017 / 813, y: 502 / 401 });
    expect([dc.canvas.width, dc.canvas.height]).toEqual([1017, 502]);
    // The same report again changes nothing and asks for nothing.
    report([1017, 502], [813, 401]);
    expect(repaints).toBe(1);
  });

  it('does not apply a device size reported for another CSS size', () => {
    const { doc, report } = fakeDocument(1.5);
    const dc = createDeviceCanvas(doc, undefined, () => {});
    report([1221, 600], [813, 400]);
    dc.resize(900, 400);
    expect([dc.canvas.width, dc.canvas.height]).toEqual([1350, 600]);
  });

  it('with an explicit ratio observes nothing and multiplies by it', () => {
    const { doc, observed } = fakeDocument(1.25);
    const dc = createDeviceCanvas(doc, 2, () => {});
    expect(observed).toEqual([]);
    expect(dc.resize(300, 150)).toEqual({ x: 2, y: 2 });
    expect([dc.canvas.width, dc.canvas.height]).toEqual([600, 300]);
  });

  it('falls back to rounding where the device-pixel box cannot be observed', () => {
    const { doc } = fakeDocument(1.25, true);
    const dc = createDeviceCanvas(doc, undefined, () => {});
    dc.resize(813, 401);
    expect([dc.canvas.width, dc.canvas.height]).toEqual([1016, 501]);
    dc.destroy();
  });
});
