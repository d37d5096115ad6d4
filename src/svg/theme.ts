// Colours of the static renderings. Authors' colours come from their drawings; these are ours.

/** The colours one theme uses. */
export interface SvgTheme {
  readonly background: string;
  readonly text: string;
  readonly mutedText: string;
  readonly grid: string;
  readonly up: string;
  readonly down: string;
  /** Stand-in for any author colour that is not a `#hex` colour. */
  readonly fallbackLine: string;
  readonly axisBackground: string;
}

/** The two themes of `renderAnalysisSvg`. */
export const SVG_THEMES: { readonly light: SvgTheme; readonly dark: SvgTheme } = {
  light: {
    background: '#FFFFFF',
    text: '#131722',
    mutedText: '#787B86',
    grid: '#F0F3FA',
    up: '#26A69A',
    down: '#EF5350',
    fallbackLine: '#2962FF',
    axisBackground: '#F8F9FD',
  },
  dark: {
    background: '#131722',
    text: '#D1D4DC',
    mutedText: '#787B86',
    grid: '#2A2E39',
    up: '#26A69A',
    down: '#EF5350',
    fallbackLine: '#2962FF',
    axisBackground: '#1E222D',
  },
};

/** A theme name; anything else is treated as light. */
export type ThemeName = keyof typeof SVG_THEMES;

/** The theme for a name, light when the name is unknown (query strings reach here). */
export function themeOf(name: string | undefined): SvgTheme {
  return name === 'dark' ? SVG_THEMES.dark : SVG_THEMES.light;
}
