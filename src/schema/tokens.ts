// Browser token requests and responses (spec §5.1): what a community's server sends with its API
// key to get a short-lived token for one user of its page.
import { z } from './zod-mini';
import { ObjectId, Sender, Time } from './primitives';

/** Permission names (spec §1.2). */
export const PermissionName = z.enum(['analysis:read', 'analysis:write']);

/** Token lifetime bounds and default, in seconds. */
export const TOKEN_TTL = { min: 60, max: 3600, default: 900 } as const;

/** Body of `POST /v1/auth/tokens`. */
export const CreateTokenRequest = z.strictObject({
  sender: Sender,
  permissions: z
    .array(PermissionName)
    .check(z.minLength(1, 'must name at least one permission'))
    .check(z.maxLength(2))
    .check(z.refine((p) => new Set(p).size === p.length, 'must not repeat a permission')),
  channelIds: z.optional(
    z
      .array(ObjectId)
      .check(z.minLength(1, 'must name at least one channel (omit it for the whole scope)'))
      .check(z.maxLength(100)),
  ),
  ttlSeconds: z.optional(
    z
      .int()
      .check(z.gte(TOKEN_TTL.min, `must be at least ${TOKEN_TTL.min}`))
      .check(z.lte(TOKEN_TTL.max, `must be at most ${TOKEN_TTL.max}`)),
  ),
});
/** Wire type of a CreateTokenRequest. */
export type CreateTokenRequest = z.infer<typeof CreateTokenRequest>;

/** 201 of `POST /v1/auth/tokens`. */
export const CreateTokenResponse = z.strictObject({
  status: z.literal('success'),
  message: z.string(),
  data: z.strictObject({
    token: z.string(),
    expiresAt: Time,
    sender: Sender,
    permissions: z.array(PermissionName),
    communityId: ObjectId,
    /** Null = every channel of the community. */
    channelIds: z.nullable(z.array(ObjectId)),
  }),
});
/** Wire type of a CreateTokenResponse. */
export type CreateTokenResponse = z.infer<typeof CreateTokenResponse>;
