// fc.assert for properties that discard cases with fc.pre: a property whose precondition throws
// most cases away asserts almost nothing while looking green, so the share of discarded cases is
// checked too (issue 18: every property's assertion runs on the cases it claims to cover).
import fc from 'fast-check';

/**
 * Runs `property` like fc.assert, then fails when fc.pre discarded more than `maxSkipRatio`
 * (0..1) of the generated cases. Returns the run details (numRuns, numSkips).
 */
export function assertFewSkips<Ts>(
  property: fc.IProperty<Ts>,
  maxSkipRatio: number,
  params: fc.Parameters<Ts> = {},
): fc.RunDetails<Ts> {
  const details = fc.check(property, params);
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? 'property failed');
  const generated = details.numRuns + details.numSkips;
  const ratio = details.numSkips / generated;
  if (ratio > maxSkipRatio)
    throw new Error(
      `fc.pre discarded ${details.numSkips} of ${generated} generated cases (${(100 * ratio).toFixed(1)} %), more than the ${100 * maxSkipRatio} % allowed: narrow the generator`,
    );
  return details;
}
