// Wire time ↔ UTC seconds (spec §1.4): the parser and writer live in core/wire; this adds the
// pattern that the exported JSON Schema states.
import { isoTime } from '../core/wire/time';

export { isWireTime, parseTime } from '../core/wire/time';

/** The shape of a wire time, for JSON Schema (the calendar and range checks are in `parseTime`). */
export const TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$';

/**
 * Writes UTC seconds as the spec's response form.
 * @deprecated the same function as `isoTime` (chartmark/core); `formatTime` in core formats labels.
 */
export const formatTime: (seconds: number) => string = isoTime;
