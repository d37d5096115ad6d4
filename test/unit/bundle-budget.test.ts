// Bundle budgets (scripts/bundle-budget.mjs) on consumer builds of the built package: small apps
// importing `chartmark/*` through package.json `exports`, bundled and minified by Vite, gzip.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/bundle-budget.mjs', ...args], { encoding: 'utf8', timeout: 180_000 });
const line = (name: string, how: string, budget: number, verdict: 'ok' | 'FAIL') =>
  new RegExp(`^${name}: [\\d.]+ kB gzip ${how}, budget ${budget} kB — ${verdict}$`, 'm');
const OVER_BARE = String.raw`over the bare chart page \([\d.]+ kB with it, [\d.]+ kB without\)`;

let out = '';
/** A part's size in kB as the script printed it. */
const size = (name: string) =>
  Number(new RegExp(`^${name.replace('+', '\\+')}: ([\\d.]+) kB gzip`, 'm').exec(out)?.[1]);
beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-package.mjs'], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  out = run().stdout;
}, 360_000);

describe('bundle budgets (scripts/bundle-budget.mjs, gzip, consumer builds of dist/)', () => {
  // The editor embed (mountAnalysisEditor) counts its initial chunks, as a consumer's Vite splits
  // it: 47.83 kB at 0.2.0 (101.5 as one file before the panel parts, sync, the input's and
  // preferences' validation and the crossings became chunks loaded on use: 77.7; then the Konva
  // layer became one too, 30.5 kB of it, and a plain canvas paints the first frame).
  it('keeps the editor embed ≤ 60 kB over a bare lightweight-charts page', () => {
    expect(out).toMatch(line('editor', OVER_BARE, 60, 'ok'));
  });

  it('bundles only the Konva classes the editor uses, not all of Konva', () => {
    expect(out).toMatch(/^editor packages: fancy-canvas, immer, konva, lightweight-charts, zod$/m);
  });

  // zod comes only in chunks loaded on use: with an `api`, an `analysis` or stored preferences;
  // Konva in the overlay's interactive layer, loaded just after the first paint.
  it("keeps zod and Konva out of the editor's initial chunks, and prints each chunk loaded on use", () => {
    expect(out).toMatch(/^editor initial packages: fancy-canvas, immer, lightweight-charts$/m);
    for (const part of [
      'embed/alert-part',
      'embed/analysis-form',
      'embed/analysis-input',
      'embed/editor-sync',
      'embed/live-crossings',
      'embed/preferences',
      'embed/style-panel',
      'konva/interactive-layer',
    ])
      expect(out).toMatch(new RegExp(`^editor on use ${part}: [\\d.]+ kB gzip alone, no budget$`, 'm'));
    // The Konva chunk holds most of Konva's core (its classes alone are ~30 kB).
    expect(size('editor on use konva/interactive-layer')).toBeGreaterThan(20);
    expect(out).toMatch(new RegExp(`^editor\\+api: [\\d.]+ kB gzip ${OVER_BARE}, no budget$`, 'm'));
  });

  // Under budget, and not growing back toward it unnoticed: the initial chunks as measured (47.83 kB).
  it('keeps the editor embed initial chunks ≤ 49 kB', () => {
    const kb = Number(/^editor: ([\d.]+) kB gzip/m.exec(out)?.[1]);
    expect(kb).toBeGreaterThan(0);
    expect(kb).toBeLessThanOrEqual(49);
  });

  // The view (chartmark/view's mountAnalysisView alone, the lean post) is 11.89 kB: the shared
  // canvas painter (src/render), the kinds' scenes, the declutter, the spoken summary and the
  // described list of drawings. With the outcome badge and crossing alerts always in it, it was
  // 16.27 kB; they are opt-in parts now (viewOutcomes +2.3 kB with the outcome's words,
  // viewCrossings +1.7 kB; 16.33 kB with both, as the root entry's view shows it).
  it('keeps the read-only view ≤ 12 kB over the bare page', () => {
    expect(out).toMatch(line('view', OVER_BARE, 12, 'ok'));
  });

  it('keeps the read-only view free of konva, zod and immer, with or without its parts', () => {
    expect(out).toMatch(/^view packages: fancy-canvas, lightweight-charts$/m);
    expect(out).toMatch(/^view\+parts packages: fancy-canvas, lightweight-charts$/m);
  });

  // A post that does not import viewOutcomes or viewCrossings ships neither: the lean view is
  // smaller than the view with both by at least most of what the parts hold (4.0 kB today).
  it('leaves the opt-in parts out of a view that does not pass them', () => {
    expect(size('view')).toBeGreaterThan(0);
    expect(size('view+parts') - size('view')).toBeGreaterThan(3);
    expect(out).toMatch(new RegExp(`^view\\+parts: [\\d.]+ kB gzip ${OVER_BARE}, no budget$`, 'm'));
  });

  // The SVG renderer was 11.98 kB (14.06 before the kinds were split into shape and editing
  // halves); issue 17's Fibonacci palette and core label declutter, which the SVG must show like
  // the editor, took it to 13.11 kB, trimmed to 12.72. The outcome (its evaluation, badge scene and
  // words) is an opt-in part now, `svgOutcome`: 10.45 kB without it, 12.85 kB with it (10.65 and
  // 13.04 after issue 15's SVG speed-ups).
  it('keeps the SVG renderer alone ≤ 12 kB', () => {
    expect(out).toMatch(line('svg', 'alone', 12, 'ok'));
  });

  // An SVG that does not pass svgOutcome ships none of it: the renderer alone is smaller than with
  // the part by at least most of what the part holds (2.4 kB today).
  it('leaves the outcome part out of an SVG renderer that does not pass it', () => {
    expect(size('svg')).toBeGreaterThan(0);
    expect(size('svg+outcome') - size('svg')).toBeGreaterThan(1.5);
    expect(out).toMatch(/^svg\+outcome: [\d.]+ kB gzip alone, no budget$/m);
  });

  it('keeps the SVG renderer free of any package, with or without its outcome part', () => {
    expect(out).toMatch(/^svg packages: $/m);
    expect(out).toMatch(/^svg\+outcome packages: $/m);
  });

  // The schema builds on zod/mini (the classic API alone is 22.4 kB gzip): 14.0 kB at 0.2.0.
  it('keeps the schema alone ≤ 25 kB', () => {
    expect(out).toMatch(line('schema', 'alone', 25, 'ok'));
  });

  it('fails, naming the part, when a bundle is over its budget', () => {
    const r = run('--svg=1', '--schema=100', '--editor=200', '--view=100');
    expect(r.stdout).toMatch(line('svg', 'alone', 1, 'FAIL'));
    expect(r.stdout).toMatch(line('schema', 'alone', 100, 'ok'));
    expect(r.stdout).toMatch(line('editor', OVER_BARE, 200, 'ok'));
    expect(r.status).toBe(1);
  }, 180_000);
});
