// The analysis as a standalone SVG string: title, candles, levels, drawings and expiry, painted
// from the same core scenes as the editor (drawings by writers that give the bytes of painting
// their scenes, see drawing-markup.ts). Pure and deterministic: no DOM, no clock unless `now`.
import type { Scene } from '../core/scene';
import { markScenes } from '../core/analysis-scenes';
import { labelPlacer } from '../core/declutter';
import { fitAnalysisViewport } from '../core/analysis-fit';
import { type Candle, candlesToSvg } from './candles-svg';
import { describeSummary } from './describe';
import { type MarkupOut, markupContext, writeDrawing } from './drawing-markup';
import { cleanText, escapeXml, flatMarkup, num } from './escape';
import { primitiveToSvg, type SvgPaintContext } from './paint-primitives';
import type { SvgOutcome } from './svg-outcome';
import { type ThemeName, themeOf } from './theme';
import { type AnalysisDetailWire, analysisFromDetail, detailExpiresAt } from './wire-detail';

/** Options of `renderAnalysisSvg`. */
export interface SvgOptions {
  /** Width of the whole image in px (16 … 4096). */
  readonly width: number;
  /** Height of the whole image in px (16 … 4096). */
  readonly height: number;
  readonly theme: ThemeName;
  /** The clock in UTC seconds; decides ACTIVE/EXPIRED and the spoken expiry. Default: the wire status. */
  readonly now?: number;
  /**
   * The outcome part (`svgOutcome`): the idea's outcome badge, entry and exit markers and its words
   * in the label, evaluated against `candles` at `now` (default: the last candle);
   * `svgOutcome.of(outcome)` shows an Outcome as given. Without it, none of them.
   */
  readonly outcome?: SvgOutcome;
  /**
   * The long description, written as the SVG's `<desc>` (escaped), e.g.
   * `describeContents(analysis).join('. ')`: every level and drawing in words. Passed in rather
   * than built here so the renderer alone stays within its bundle budget. Default: no `<desc>`.
   */
  readonly description?: string;
}

/** Height of the title strip. */
export const TITLE_HEIGHT = 28;
/** Width of the price axis strip. */
export const PRICE_AXIS_WIDTH = 64;
/** Height of the time axis strip. */
export const TIME_AXIS_HEIGHT = 20;
const TITLE_FONT = 13;
const MIN_SIZE = 16;
const MAX_SIZE = 4096;

function clampSize(v: number, field: string): number {
  if (!Number.isFinite(v)) throw new RangeError(`${field}: must be a finite number, got ${v}`);
  return Math.min(MAX_SIZE, Math.max(MIN_SIZE, Math.round(v)));
}

function truncate(text: string, maxChars: number): string {
  const chars = Array.from(cleanText(text));
  return chars.length <= maxChars ? chars.join('') : `${chars.slice(0, Math.max(1, maxChars - 1)).join('')}…`;
}

// The document is built by appending to strings, never through arrays of parts and join: a
// 1,000-drawing SVG is about 25,000 elements, and the arrays cost more than the text. Each group
// is flattened as soon as it is written (flatMarkup), so the document is a rope of ~1,000 flat strings.

// The outcome option as typed, or a clear error for what plain JavaScript may still pass (the
// `true` or Outcome of 0.1, `false` aside): never an SVG silently without the badge it asked for.
function outcomePart(option: SvgOutcome | undefined): SvgOutcome | undefined {
  if (option == null || (option as unknown) === false) return undefined;
  if (typeof option.resolve === 'function') return option;
  throw new TypeError(
    `outcome: expected the outcome part, svgOutcome from 'chartmark/svg' (or svgOutcome.of(outcome) for a given Outcome), got ${typeof option === 'object' ? 'an object' : String(option)}`,
  );
}

/** Appends `scene` as a group opened by `open` to out.body, its axis labels to out.axis. */
function paintScene(scene: Scene, open: string, ctx: SvgPaintContext, out: MarkupOut): void {
  let body = open;
  for (const p of scene.primitives) {
    if (p.type === 'axis-label') out.axis += flatMarkup(primitiveToSvg(p, ctx));
    else body += primitiveToSvg(p, ctx);
  }
  out.body += flatMarkup(`${body}</g>`);
}

/** Renders `analysis` (AnalysisDetail as the API returns it) on `candles` as an SVG document string. */
export function renderAnalysisSvg(
  analysis: AnalysisDetailWire,
  candles: readonly Candle[],
  options: SvgOptions,
): string {
  const width = clampSize(options.width, 'width');
  const height = clampSize(options.height, 'height');
  const theme = themeOf(options.theme);
  const model = analysisFromDetail(analysis);
  const expiresAt = detailExpiresAt(analysis);
  const paneWidth = Math.max(1, width - PRICE_AXIS_WIDTH);
  const paneHeight = Math.max(1, height - TITLE_HEIGHT - TIME_AXIS_HEIGHT);
  const vp = fitAnalysisViewport(model, candles, expiresAt, paneWidth, paneHeight);
  const ctx: SvgPaintContext = {
    paneWidth,
    paneHeight,
    priceAxisWidth: PRICE_AXIS_WIDTH,
    timeAxisHeight: TIME_AXIS_HEIGHT,
    fallbackColor: theme.fallbackLine,
    fallbackTextColor: theme.text,
  };
  const out: MarkupOut = { body: '', axis: '' };
  // Labels kept apart inside the pane by core, with the same width estimate the label boxes use
  // here, as declutterAnalysisScenes places them: the analysis' own marks first, then each drawing's
  // (no handles: nothing is selected). Each drawing's scene is painted as soon as it is placed, so
  // no scene outlives its drawing's turn.
  const placer = labelPlacer({ area: { minX: 0, minY: 0, maxX: paneWidth, maxY: paneHeight } });
  const marks = markScenes(model, vp, expiresAt);
  // Pushed, not mapped (see the Fibonacci writer): the array keeps one elements kind while V8 warms up.
  const levels: { name: string; scene: Scene }[] = [];
  for (const { name, scene } of marks.levels) levels.push({ name, scene: placer.scene(scene) });
  const expiry = marks.expiry && placer.scene(marks.expiry);
  // The kind is one of the five: the wire reader leaves out drawings of any other type.
  const markup = markupContext(vp, placer, ctx);
  for (const d of model.drawings) writeDrawing(d, markup, out);
  for (const { name, scene } of levels) {
    paintScene(scene, `<g class="cm-level" data-level="${name}">`, ctx, out);
  }
  if (expiry) paintScene(expiry, '<g class="cm-expiry">', ctx, out);
  const part = outcomePart(options.outcome);
  const outcome = part?.resolve(analysis, candles, options.now);
  if (part && outcome) {
    const scene = part.scene(outcome, model.metadata.direction, vp);
    paintScene(scene, `<g class="cm-outcome" data-state="${outcome.state}">`, ctx, out);
  }

  const expired =
    options.now === undefined
      ? analysis.status === 'EXPIRED'
      : expiresAt !== null && options.now >= expiresAt;
  const status = expired ? 'EXPIRED' : 'ACTIVE';
  const label = describeSummary(analysis, options.now) + (part && outcome ? `; ${part.words(outcome)}` : '');
  const title = truncate(analysis.metadata.title, Math.floor((width - 90) / (TITLE_FONT * 0.6)));
  const clipId = `cm-clip-${width}x${height}`;
  // Concatenated, not joined: V8 keeps the result as a rope until it is read, as JSON.stringify's.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">` +
    `<title>${escapeXml(analysis.metadata.title)}</title>${options.description ? `<desc>${escapeXml(options.description)}</desc>` : ''}` +
    `<rect class="cm-background" x="0" y="0" width="${width}" height="${height}" fill="${theme.background}"/>` +
    `<text class="cm-title" x="8" y="${num(TITLE_HEIGHT / 2)}" fill="${theme.text}" font-size="${TITLE_FONT}" font-weight="600" dominant-baseline="middle">${escapeXml(title)}</text>` +
    `<text class="cm-status" x="${width - 8}" y="${num(TITLE_HEIGHT / 2)}" fill="${status === 'ACTIVE' ? theme.up : theme.mutedText}" font-size="11" text-anchor="end" dominant-baseline="middle">${status}</text>` +
    `<g transform="translate(0,${TITLE_HEIGHT})">` +
    `<clipPath id="${clipId}"><rect x="0" y="0" width="${paneWidth}" height="${paneHeight}"/></clipPath>` +
    `<rect class="cm-axis-strip" x="${paneWidth}" y="0" width="${PRICE_AXIS_WIDTH}" height="${paneHeight + TIME_AXIS_HEIGHT}" fill="${theme.axisBackground}"/>` +
    `<rect class="cm-axis-strip" x="0" y="${paneHeight}" width="${paneWidth}" height="${TIME_AXIS_HEIGHT}" fill="${theme.axisBackground}"/>` +
    `<g class="cm-pane" clip-path="url(#${clipId})">` +
    candlesToSvg(candles, vp, theme) +
    out.body +
    `</g><g class="cm-axis">${out.axis}</g></g></svg>`
  );
}
