// Themes: light and dark are sets of CSS custom properties (styles.ts); the chart's colours are
// read from the same properties, so a page that overrides `--cm-up` on the container changes
// the candles as well as the UI.

/** A theme name. */
export type ThemeName = 'light' | 'dark';

/** The colours the chart takes from the theme. */
export interface ChartColours {
  readonly background: string;
  readonly text: string;
  readonly grid: string;
  readonly border: string;
  readonly up: string;
  readonly down: string;
  readonly accent: string;
}

const FALLBACK: { readonly [T in ThemeName]: ChartColours } = {
  light: {
    background: '#ffffff',
    text: '#131722',
    grid: '#f0f3fa',
    border: '#e0e3eb',
    up: '#26a69a',
    down: '#ef5350',
    accent: '#2962ff',
  },
  dark: {
    background: '#131722',
    text: '#d1d4dc',
    grid: '#2a2e39',
    border: '#2a2e39',
    up: '#26a69a',
    down: '#ef5350',
    accent: '#2962ff',
  },
};

/** 'dark' for "dark", anything else 'light' (attributes and query strings reach here). */
export function themeName(value: string | null | undefined): ThemeName {
  return value === 'dark' ? 'dark' : 'light';
}

/** The chart colours of `root` from its CSS custom properties (the theme's defaults where unset). */
export function readChartColours(root: HTMLElement, theme: ThemeName): ChartColours {
  const style = root.ownerDocument.defaultView?.getComputedStyle(root);
  const read = (name: string, fallback: string): string => style?.getPropertyValue(name).trim() || fallback;
  const f = FALLBACK[theme];
  return {
    background: read('--_cm-background', f.background),
    text: read('--_cm-text', f.text),
    grid: read('--_cm-grid', f.grid),
    border: read('--_cm-border', f.border),
    up: read('--_cm-up', f.up),
    down: read('--_cm-down', f.down),
    accent: read('--_cm-accent', f.accent),
  };
}
