// Request bodies (spec §3.1–§3.3). Cross-field rules run as one check per body. Each request
// schema has the compiled fast path (fast-path.ts): valid bodies skip zod's tree walk.
import { z } from './zod-mini';
import { checkNotEmpty, checkReferences, checkUniqueIds } from './cross-checks';
import { Drawing } from './drawings/drawing';
import { withFastPath } from './fast-path';
import { isRecord } from './issues';
import { Levels, LevelsPatch } from './levels';
import { MAX_APPEND, MAX_DRAWINGS, MIN_APPEND } from './limits';
import { AnalysisMetadata, MetadataPatch } from './metadata';
import { IdempotencyKey, Sender } from './primitives';

const Drawings = z.array(Drawing).check(z.maxLength(MAX_DRAWINGS, `allows at most ${MAX_DRAWINGS} drawings`));

// `when: () => true` lets the rules report beside structural issues; they read the body defensively.
const always = { when: () => true };

const createRules = z.superRefine((body: unknown, ctx) => {
  if (isRecord(body)) checkReferences(ctx, body, checkUniqueIds(ctx, body));
}, always);

/** Body of Create Analysis. References must resolve within the body. */
export const CreateAnalysisRequest = withFastPath(
  z
    .strictObject({
      sender: Sender,
      metadata: AnalysisMetadata,
      levels: z.optional(Levels),
      drawings: z.optional(Drawings),
      idempotencyKey: z.optional(IdempotencyKey),
    })
    .check(createRules),
);
/** Wire type of a CreateAnalysisRequest. */
export type CreateAnalysisRequest = z.infer<typeof CreateAnalysisRequest>;

const updateRules = z.superRefine((body: unknown, ctx) => {
  if (!isRecord(body)) return;
  checkUniqueIds(ctx, body);
  checkNotEmpty(ctx, body);
}, always);

/**
 * Body of Update Analysis: a partial update; drawings replace all. References and the merged
 * level order depend on the stored analysis, so the server checks those.
 */
export const UpdateAnalysisRequest = withFastPath(
  z
    .strictObject({
      sender: Sender,
      metadata: z.optional(MetadataPatch),
      levels: z.optional(LevelsPatch),
      drawings: z.optional(Drawings),
    })
    .check(updateRules),
);
/** Wire type of an UpdateAnalysisRequest. */
export type UpdateAnalysisRequest = z.infer<typeof UpdateAnalysisRequest>;

const appendRules = z.superRefine((body: unknown, ctx) => {
  if (isRecord(body)) checkUniqueIds(ctx, body);
}, always);

/** Body of Append Drawings: 1–500 new drawings. */
export const AppendDrawingsRequest = withFastPath(
  z
    .strictObject({
      sender: Sender,
      drawings: z
        .array(Drawing)
        .check(z.minLength(MIN_APPEND, `needs at least ${MIN_APPEND} drawing`))
        .check(z.maxLength(MAX_APPEND, `allows at most ${MAX_APPEND} drawings`)),
      idempotencyKey: z.optional(IdempotencyKey),
    })
    .check(appendRules),
);
/** Wire type of an AppendDrawingsRequest. */
export type AppendDrawingsRequest = z.infer<typeof AppendDrawingsRequest>;
