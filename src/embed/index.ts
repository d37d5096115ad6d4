// Public surface of `chartmark` (the root entry): the editor and the post view in one call each,
// their options, handles and events, themes, strings and styles.
export type { AnalysisInput } from './analysis-input';
export type { ViewAnalysis } from './analysis-snapshot';
export type { TokenSource } from './api-auth';
export type { OhlcBar } from './candles';
export type { ApiOptions, SyncOptions } from './editor-sync';
export type { EditorParts, EditorUi } from './editor-ui';
export type { On } from './events';
export type { AnalysisEditorEvents, AnalysisEditorHandle, AnalysisEditorOptions } from './mount-editor';
export { mountAnalysisEditor } from './mount-editor';
export type { AnalysisViewHandle, AnalysisViewOptions } from './mount-view';
export { mountAnalysisView } from './mount-view';
export type { EditorPreferences, PreferenceStore } from './preference-store';
export { PREFERENCES_STORAGE_PREFIX } from './preference-store';
export { localPreferences } from './preferences';
export type { PriceFormat, PriceFormatSource } from './price-format';
export { priceFormatFor } from './price-format';
export type { EmbedStatus, EmbedStrings } from './strings';
export { DEFAULT_STRINGS } from './strings';
export { adoptEmbedStyles, EMBED_CSS } from './styles';
export type { ChartColours, ThemeName } from './theme';
export { readChartColours } from './theme';
