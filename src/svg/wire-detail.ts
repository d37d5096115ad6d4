// The AnalysisDetail reader the SVG renderer uses is core/wire's preview reader; these are its
// names as chartmark/svg has always exported them.
import type {
  PreviewAnalysisDetail,
  PreviewDrawing,
  PreviewLevelEntry,
  PreviewLink,
} from '../core/wire/preview';

export {
  analysisFromDetail,
  detailExpiresAt,
  previewDrawingFromWire as drawingFromWire,
  previewLevelsFromWire as levelsFromWire,
  previewTime as wireTime,
} from '../core/wire/preview';
export type { WireCoordinate } from '../core/wire/types';

/** AnalysisDetail exactly as Get/Create return it in `data` (core/wire's PreviewAnalysisDetail). */
export type AnalysisDetailWire = PreviewAnalysisDetail;
/** A wire drawing (any of the five kinds), as a preview reads it (core/wire's PreviewDrawing). */
export type WireDrawing = PreviewDrawing;
/** A wire level entry, as a preview reads it (core/wire's PreviewLevelEntry). */
export type WireLevel = PreviewLevelEntry;
/** A wire link, as a preview reads it (core/wire's PreviewLink). */
export type WireLink = PreviewLink;
