// The editor handle's updateCandle() emits `cross` for live bars; "alert me" marks are the
// viewer's (localStorage per analysis), and only a marked drawing's event says alert: true.
import { afterEach, describe, expect, it } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import type { Price, UtcSeconds } from '../../../src/core/units';
import { type AnalysisEditorHandle, mountAnalysisEditor } from '../../../src/embed/index';
import { ALERT_STORAGE_PREFIX, type CrossEvent } from '../../../src/view/index';

const candles = demoCandles();
const last = candles.at(-1)!;
let handle: AnalysisEditorHandle | null = null;
afterEach(() => {
  handle?.destroy();
  handle = null;
  document.body.replaceChildren();
  localStorage.removeItem(`${ALERT_STORAGE_PREFIX}cross-test`);
});

describe('editor handle crossing alerts', () => {
  it('emits cross once per crossing of a live bar, alert only for the marked drawing', async () => {
    const el = document.createElement('div');
    el.style.cssText = 'width: 640px; height: 360px';
    document.body.append(el);
    handle = mountAnalysisEditor(el, { candles, analysisId: 'cross-test' });
    const at = { time: last.time as UtcSeconds };
    // Two lines 10 and 20 pips above the last close.
    const a = handle.editor.create('HORIZONTAL_LINE', [{ ...at, price: (last.close + 0.001) as Price }]);
    const b = handle.editor.create('HORIZONTAL_LINE', [{ ...at, price: (last.close + 0.002) as Price }]);
    handle.setAlert(b, true);
    expect(handle.alerts()).toEqual([b]);
    expect(JSON.parse(localStorage.getItem(`${ALERT_STORAGE_PREFIX}cross-test`)!)).toEqual([b]);
    const events: CrossEvent[] = [];
    handle.on('cross', (e) => events.push(e));
    const t = last.time + 3600;
    handle.updateCandle({
      time: t,
      open: last.close,
      high: last.close + 0.0025,
      low: last.close,
      close: last.close + 0.0024,
    });
    handle.updateCandle({
      time: t,
      open: last.close,
      high: last.close + 0.003,
      low: last.close,
      close: last.close + 0.0028,
    });
    // The crossing maths is a chunk loaded once the chart is up: bars that came before it are
    // replayed in order when it arrives, and `ready` waits for it.
    await handle.ready;
    expect(events.map((e) => [e.crossing.drawingId, e.crossing.direction, e.alert])).toEqual([
      [a, 'UP', false],
      [b, 'UP', true],
    ]);
  });
});
