// Commands on the analysis around the drawings: key levels, expiry and the editable metadata.
import { castDraft } from 'immer';
import type { AnalysisMetadata, Expiry, Level, LevelName } from '../core/analysis';
import { checkLevelOrder, clampLevelPrice, mergeLevels } from '../core/levels';
import { CLIENT_OBJECT_ID_PATTERN } from '../core/references';
import type { Price } from '../core/units';
import type { Store } from './store';

/** Allowed HOURS expiry (spec §3.5). */
export const EXPIRY_HOURS = { min: 1, max: 8760 } as const;

/** Metadata fields set through `setMetadata`; undefined clears an optional text. */
export type MetadataPatch = {
  readonly [K in Exclude<keyof AnalysisMetadata, 'expiry'>]?: AnalysisMetadata[K] | undefined;
};

/**
 * Sets or removes (null) one level. Throws when the id is not a valid clientObjectId, is used by
 * a drawing or another level, or when the prices would break support < pivot < resistance.
 */
export function setLevelCommand(store: Store, name: LevelName, level: Level | null): void {
  const state = store.get();
  if (level) {
    if (!CLIENT_OBJECT_ID_PATTERN.test(level.id)) {
      throw new RangeError(`levels.${name}.clientObjectId: "${level.id}" must be 1–64 of A–Z a–z 0–9 _ -`);
    }
    if (level.id in state.byId) {
      throw new RangeError(`levels.${name}.clientObjectId: "${level.id}" is already used by a drawing`);
    }
    for (const [other, l] of Object.entries(state.levels)) {
      if (other !== name && l?.id === level.id) {
        throw new RangeError(
          `levels.${name}.clientObjectId: "${level.id}" is already used by levels.${other}`,
        );
      }
    }
    if (!Number.isFinite(level.price)) throw new RangeError(`levels.${name}.price: must be a finite number`);
  }
  const merged = mergeLevels(state.levels, { [name]: level });
  const violation = checkLevelOrder(merged);
  if (violation) throw new RangeError(violation.message);
  // Per-key writes keep the patches per level, so undo cannot clobber a remote edit of another level.
  store.update((d) => {
    if (level) d.levels[name] = castDraft(level);
    else delete d.levels[name];
  });
}

/** Moves an existing level to `price`, stopped just inside its neighbours (for drags). */
export function dragLevelCommand(store: Store, name: LevelName, price: number): void {
  const level = store.get().levels[name];
  if (!level) return;
  // With stored prices rounded, "just inside" is one price step inside: a nearer price would
  // round onto the neighbour and break support < pivot < resistance.
  const precision = store.quantize().pricePrecision;
  const step = precision === undefined ? undefined : 10 ** -precision;
  const clamped: Price = clampLevelPrice(store.get().levels, name, price, step);
  if (clamped === level.price) return;
  store.update((d) => {
    d.levels[name] = castDraft({ ...level, price: clamped });
  });
}

/** Sets or removes (undefined) the expiry; HOURS must be a whole number from 1 to 8760. */
export function setExpiryCommand(store: Store, expiry: Expiry | undefined): void {
  if (expiry?.type === 'HOURS') {
    const { min, max } = EXPIRY_HOURS;
    if (!Number.isInteger(expiry.hours) || expiry.hours < min || expiry.hours > max) {
      throw new RangeError(
        `metadata.expiry.hours: must be a whole number from ${min} to ${max}, got ${expiry.hours}`,
      );
    }
  }
  if (expiry?.type === 'DATE' && !Number.isFinite(expiry.date)) {
    throw new RangeError(`metadata.expiry.date: must be a finite time, got ${expiry.date}`);
  }
  store.update((d) => {
    if (expiry) d.metadata.expiry = { ...expiry };
    else delete d.metadata.expiry;
  });
}

/** Merges metadata fields; an undefined value removes an optional text. */
export function setMetadataCommand(store: Store, patch: MetadataPatch): void {
  store.update((d) => {
    const m = d.metadata as { [key: string]: unknown };
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'expiry') continue;
      if (value === undefined) delete m[key];
      else m[key] = value;
    }
  });
}
