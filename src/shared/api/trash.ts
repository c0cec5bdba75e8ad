// Contracts for the trash (restore, delete for good, empty) and for editing many images at once.
import { z } from 'zod';
import { idSchema, tagSchema } from './common';
import { imageAltSchema, imageSchema, imageTitleSchema } from './images';

/** Bulk requests name at most this many images: one request, bounded work. */
export const MAX_BULK_IDS = 500;

const bulkIdsSchema = z
  .array(idSchema)
  .min(1, 'must list at least one id')
  .max(MAX_BULK_IDS, `at most ${MAX_BULK_IDS} ids`);

const failureSchema = z.object({ id: z.string(), code: z.string(), message: z.string() });
export type BulkFailure = z.infer<typeof failureSchema>;

export const deleteImageQuerySchema = z.object({
  /** "true": delete the objects and the row now instead of moving the image to the trash. */
  permanent: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
});

export const bulkRestoreRequestSchema = z.object({ ids: bulkIdsSchema });
export const bulkRestoreResponseSchema = z.object({
  restored: z.array(idSchema),
  failed: z.array(failureSchema),
});
export type BulkRestoreResponse = z.infer<typeof bulkRestoreResponseSchema>;

export const emptyTrashResponseSchema = z.object({
  /** Images deleted for good by this request. */
  deleted: z.number().int(),
  /** Still in the trash: left for another request (each does a bounded amount) or refused by the store. */
  remaining: z.number().int(),
});
export type EmptyTrashResponse = z.infer<typeof emptyTrashResponseSchema>;

const tagListSchema = z
  .array(tagSchema)
  .min(1, 'must list at least one tag')
  .max(50, 'at most 50 tags');

export const bulkUpdateRequestSchema = z
  .object({
    ids: bulkIdsSchema,
    addTags: tagListSchema.optional(),
    removeTags: tagListSchema.optional(),
    title: imageTitleSchema.nullable().optional(),
    alt: imageAltSchema.nullable().optional(),
    /** An album of the images' owner, or null to take them out of their album. */
    albumId: idSchema.nullable().optional(),
  })
  .refine(
    (v) => Object.keys(v).some((key) => key !== 'ids'),
    'must change at least one of addTags, removeTags, title, alt, albumId',
  );
export type BulkUpdateRequest = z.input<typeof bulkUpdateRequestSchema>;
export type BulkUpdateInput = z.output<typeof bulkUpdateRequestSchema>;

export const bulkUpdateResponseSchema = z.object({
  /** The images as they are after the change. */
  updated: z.array(imageSchema),
  failed: z.array(failureSchema),
});
export type BulkUpdateResponse = z.infer<typeof bulkUpdateResponseSchema>;
