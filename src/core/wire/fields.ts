// Which parts of an analysis an update may change (spec §2.4), named once for the schema, the
// server's update and sync.

/** Metadata fields an update may change, in the order updates report them. */
export const UPDATABLE_METADATA_FIELDS = [
  'title',
  'preferenceText',
  'alternativeText',
  'comments',
  'expiry',
] as const;
/** One updatable metadata field. */
export type UpdatableMetadataField = (typeof UPDATABLE_METADATA_FIELDS)[number];

/** The updatable metadata fields that hold text. */
export const UPDATABLE_TEXT_FIELDS = ['title', 'preferenceText', 'alternativeText', 'comments'] as const;

/** Optional text fields of metadata: absent means none, and an update may clear them with null. */
export const OPTIONAL_TEXT_FIELDS = ['preferenceText', 'alternativeText', 'comments'] as const;

/** Metadata fields that may hold `[[key:text]]` references (spec §3.11): a Link names one of them. */
export const REFERENCE_FIELDS = ['preferenceText', 'alternativeText', 'comments'] as const;
/** One field that may hold references. */
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];

/** Metadata fields fixed at creation (spec §2.4). */
export const IMMUTABLE_METADATA_FIELDS = ['direction', 'entryPlacement', 'symbol', 'timeframe'] as const;

/** Everything an update may change: the updatable metadata fields, levels and drawings. */
export const UPDATABLE_FIELDS = [...UPDATABLE_METADATA_FIELDS, 'levels', 'drawings'] as const;
/** One updatable field. */
export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];

/** Bare names an update reports as changed: the updatable fields, plus `links` derived from the texts. */
export const UPDATED_FIELDS = [...UPDATABLE_FIELDS, 'links'] as const;
/** One name in `updatedFields`. */
export type UpdatedFieldName = (typeof UPDATED_FIELDS)[number];
