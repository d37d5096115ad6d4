// Scenes of the analysis' own objects — its key levels and its expiry — in the same neutral
// primitives as drawings, so the editor and the SVG/canvas views paint them identically.
import { LEVEL_NAMES, type LevelName, type Levels } from './analysis';
import { axisLabel, stackAxisLabels } from './axis-labels';
import { formatPrice as defaultFormatPrice, formatTime as defaultFormatTime } from './format';
import type { Primitive, Scene, Stroke } from './scene';
import { AXIS_LABEL_TEXT_COLOR, dashPattern } from './style';
import type { Price, UtcSeconds } from './units';
import type { Viewport } from './viewport';

/** Line and label colour of each level. */
export const LEVEL_COLORS: { readonly [N in LevelName]: string } = {
  support: '#26A69A',
  pivot: '#FF9800',
  resistance: '#EF5350',
};
/** Line and label colour of the expiry marker. */
export const EXPIRY_COLOR = '#787B86';
/** Scene id of the expiry marker. */
export const EXPIRY_SCENE_ID = 'expiry';
/** Height of one price-axis label in px, used to keep level labels apart. */
export const PRICE_AXIS_LABEL_HEIGHT = 18;
/** Font size of the in-pane level labels. */
export const LEVEL_LABEL_FONT_SIZE = 11;
/** Gap in px between the expiry tag and the expiry line, and between the tag and the pane's foot. */
export const EXPIRY_LABEL_INSET = 4;
/** Gap in px between a level line and its label, and between the label and the pane's left edge. */
export const LEVEL_LABEL_GAP = 4;

const TITLES: { readonly [N in LevelName]: string } = {
  support: 'Support',
  pivot: 'Pivot',
  resistance: 'Resistance',
};

/** Options of levelScenes. */
export interface LevelSceneOptions {
  /** Formats a level price for its label (default: formatPrice with the price's own precision). */
  readonly formatPrice?: (price: number) => string;
  readonly colors?: { readonly [N in LevelName]?: string };
  /** Height of a price-axis label; default PRICE_AXIS_LABEL_HEIGHT. */
  readonly axisLabelHeight?: number;
}

/** Options of expiryScene. */
export interface ExpirySceneOptions {
  /** Formats the expiry time for its label (default: formatTime, UTC). */
  readonly formatTime?: (time: UtcSeconds) => string;
  readonly color?: string;
}

function dashed(color: string): Stroke {
  return { color, width: 1, dash: dashPattern('DASHED', 1), lineStyle: 'DASHED' };
}

/**
 * One scene per present level, in price order support → resistance, with id = the level's
 * clientObjectId: a dashed full-width line, a "Support 1.34100" label above it at the left, and
 * a price-axis label. Axis labels of levels in view are stacked so they never overlap; levels
 * out of view get no axis label (it would float beside the axis).
 */
export function levelScenes(levels: Levels, viewport: Viewport, options: LevelSceneOptions = {}): Scene[] {
  const format = options.formatPrice ?? defaultFormatPrice;
  const labelHeight = options.axisLabelHeight ?? PRICE_AXIS_LABEL_HEIGHT;
  const width = viewport.width;
  const height = viewport.height;
  const present = LEVEL_NAMES.flatMap((name) => {
    const level = levels[name];
    return level ? [{ name, level, y: viewport.priceToY(level.price as Price) as number }] : [];
  });
  const inView = present.filter((p) => p.y >= 0 && p.y <= height);
  const stacked = new Map(
    stackAxisLabels(
      inView.map((p) => ({ id: p.name, at: p.y, height: labelHeight })),
      0,
      height,
    ).map((s) => [s.id, s.at]),
  );
  return present.map(({ name, level, y }) => {
    const color = options.colors?.[name] ?? LEVEL_COLORS[name];
    const primitives: Primitive[] = [
      { type: 'segment', x1: 0, y1: y, x2: width, y2: y, stroke: dashed(color) },
      {
        type: 'text',
        x: LEVEL_LABEL_GAP,
        y: y - LEVEL_LABEL_GAP,
        text: `${TITLES[name]} ${format(level.price)}`,
        color,
        fontSize: LEVEL_LABEL_FONT_SIZE,
        align: 'left',
        baseline: 'bottom',
      },
    ];
    const at = stacked.get(name);
    if (at !== undefined) primitives.push(axisLabel('price', at, format(level.price), color));
    const top = y - LEVEL_LABEL_GAP - LEVEL_LABEL_FONT_SIZE;
    return { id: level.id, primitives, bbox: { minX: 0, minY: top, maxX: width, maxY: y } };
  });
}

/**
 * The expiry marker: a dashed full-height line at the expiry time and an "Expires …" tag inside
 * the pane at its foot, left of the line (right of it when the declutter needs). Kept off the time
 * axis, where it covered the chart's own date labels.
 */
export function expiryScene(
  expiresAt: UtcSeconds,
  viewport: Viewport,
  options: ExpirySceneOptions = {},
): Scene {
  const format = options.formatTime ?? defaultFormatTime;
  const color = options.color ?? EXPIRY_COLOR;
  const x = viewport.timeToX(expiresAt) as number;
  const height = viewport.height as number;
  const y = height - EXPIRY_LABEL_INSET;
  return {
    id: EXPIRY_SCENE_ID,
    primitives: [
      { type: 'segment', x1: x, y1: 0, x2: x, y2: height, stroke: dashed(color) },
      {
        type: 'text',
        x: x - EXPIRY_LABEL_INSET,
        y,
        text: `Expires ${format(expiresAt)}`,
        color: AXIS_LABEL_TEXT_COLOR,
        fontSize: LEVEL_LABEL_FONT_SIZE,
        align: 'right',
        baseline: 'bottom',
        background: color,
        alternative: { x: x + EXPIRY_LABEL_INSET, y, align: 'left', baseline: 'bottom' },
      },
    ],
    bbox: { minX: x, minY: 0, maxX: x, maxY: height },
  };
}
