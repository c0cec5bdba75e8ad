// Contracts for registered images, the gallery listing and edits.
import { z } from 'zod';
import { imageMediaTypeSchema } from '../media-types';
import {
  filenameSchema,
  idSchema,
  isoDateSchema,
  objectKeySchema,
  sha256Schema,
  tagsSchema,
  thumbhashSchema,
} from './common';
import { safeText } from './safe-text';
import { takenAtSchema, takenBoundSchema } from './taken-at';

export const imageSchema = z.object({
  id: idSchema,
  key: z.string(),
  thumbnailKey: z.string().nullable(),
  ownerId: idSchema,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  sha256: z.string().nullable(),
  title: z.string().nullable(),
  alt: z.string().nullable(),
  albumId: idSchema.nullable(),
  tags: z.array(z.string()),
  createdAt: isoDateSchema,
  /** When the photo was taken (EXIF): ISO 8601 local date-time, with the camera's offset when
   * it recorded one; null when the file did not say. */
  takenAt: z
    .string()
    .nullable()
    .describe(
      'When the photo was taken, from its EXIF DateTimeOriginal: "2021-05-04T10:11:12+02:00" with the offset the camera recorded (OffsetTimeOriginal), "2021-05-04T10:11:12" (the camera\'s wall clock) without one; null when the file did not say.',
    ),
  sourceSha256: z
    .string()
    .nullable()
    .describe(
      'SHA-256 of the source file as it was added, before any processing; null when not sent.',
    ),
  thumbhash: z
    .string()
    .nullable()
    .describe(
      'A ThumbHash of the image (base64), to paint a blurred placeholder of the right aspect ratio before the thumbnail loads; null for images registered without one.',
    ),
});
export type Image = z.infer<typeof imageSchema>;

export const imageTitleSchema = safeText({ max: 200 });
export const imageAltSchema = safeText({ max: 1000 });
const dimensionSchema = z.number().int().positive().max(100_000);

export const registerImageRequestSchema = z.object({
  key: objectKeySchema,
  filename: filenameSchema,
  contentType: imageMediaTypeSchema,
  size: z.number().int().positive(),
  width: dimensionSchema.optional(),
  height: dimensionSchema.optional(),
  sha256: sha256Schema.optional(),
  thumbnailKey: objectKeySchema.optional(),
  albumId: idSchema.optional(),
  title: imageTitleSchema.optional(),
  alt: imageAltSchema.optional(),
  tags: tagsSchema.optional(),
  takenAt: takenAtSchema.optional(),
  thumbhash: thumbhashSchema.optional(),
  /** SHA-256 of the source file's bytes as read from disk (not of what was uploaded). */
  sourceSha256: sha256Schema.optional(),
});
export type RegisterImageRequest = z.input<typeof registerImageRequestSchema>;

export const imageResponseSchema = z.object({ image: imageSchema });

/** taken: newest taken first; taken-oldest: oldest first; images without a date last in both. */
export const imageSortSchema = z.enum([
  'newest',
  'oldest',
  'name',
  'size',
  'taken',
  'taken-oldest',
]);
export type ImageSort = z.infer<typeof imageSortSchema>;

export const listImagesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: safeText({ max: 200 }).optional(),
  /** An album id, or "none" for images in no album. */
  albumId: z.union([idSchema, z.literal('none')]).optional(),
  sha256: sha256Schema.optional(),
  /** Admins only: "me" (default), "all", or a user id. */
  owner: z.union([z.literal('me'), z.literal('all'), idSchema]).optional(),
  sort: imageSortSchema.default('newest'),
  /** Date taken from/to, inclusive: a day (2021-05-04) or a date-time; undated images never match. */
  takenFrom: takenBoundSchema.optional(),
  takenTo: takenBoundSchema.optional(),
});
export type ListImagesQuery = z.input<typeof listImagesQuerySchema>;

export const listImagesResponseSchema = z.object({
  images: z.array(imageSchema),
  nextCursor: z.string().nullable(),
});
export type ListImagesResponse = z.infer<typeof listImagesResponseSchema>;

export const galleryImageSchema = imageSchema.extend({
  url: z.url(),
  thumbnailUrl: z.url(),
  urlExpiresAt: isoDateSchema,
});
export type GalleryImage = z.infer<typeof galleryImageSchema>;

export const galleryResponseSchema = z.object({
  images: z.array(galleryImageSchema),
  nextCursor: z.string().nullable(),
});
export type GalleryResponse = z.infer<typeof galleryResponseSchema>;

export const imageIdParamsSchema = z.object({ id: idSchema });

export const signedUrlQuerySchema = z.object({
  variant: z.enum(['original', 'thumbnail']).default('original'),
});
export const signedUrlByKeyQuerySchema = z.object({ key: objectKeySchema });

export const MAX_SIGNED_URL_BATCH = 200;
export const signedUrlsRequestSchema = z.object({
  ids: z
    .array(idSchema)
    .min(1, 'must list at least one id')
    .max(MAX_SIGNED_URL_BATCH, `at most ${MAX_SIGNED_URL_BATCH} ids`),
  variant: z.enum(['original', 'thumbnail']).default('thumbnail'),
});
export type SignedUrlsRequest = z.input<typeof signedUrlsRequestSchema>;
/** Keyed by image id; ids that are missing or not the caller's are left out (no existence leak). */
export const signedUrlsResponseSchema = z.object({
  urls: z.record(z.string(), z.object({ url: z.url(), expiresAt: isoDateSchema })),
});
export type SignedUrlsResponse = z.infer<typeof signedUrlsResponseSchema>;

export const updateImageRequestSchema = z
  .object({
    title: imageTitleSchema.nullable().optional(),
    alt: imageAltSchema.nullable().optional(),
    albumId: idSchema.nullable().optional(),
    tags: tagsSchema.optional(),
  })
  .refine(
    (v) => Object.keys(v).length > 0,
    'must change at least one of title, alt, albumId, tags',
  );
export type UpdateImageRequest = z.input<typeof updateImageRequestSchema>;

export const bulkDeleteRequestSchema = z.object({
  ids: z.array(idSchema).min(1, 'must list at least one id').max(500, 'at most 500 ids'),
});
export const bulkDeleteResponseSchema = z.object({
  deleted: z.array(idSchema),
  failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
});
export type BulkDeleteResponse = z.infer<typeof bulkDeleteResponseSchema>;

export const MAX_SOURCE_LOOKUP = 500;
export const sourceLookupRequestSchema = z.object({
  sha256s: z
    .array(sha256Schema)
    .min(1, 'must list at least one SHA-256')
    .max(MAX_SOURCE_LOOKUP, `at most ${MAX_SOURCE_LOOKUP} SHA-256s`),
});
export type SourceLookupRequest = z.input<typeof sourceLookupRequestSchema>;
/** The asked hashes already in the caller's own gallery; the others are simply absent. */
export const sourceLookupResponseSchema = z.object({
  found: z.array(z.object({ sha256: z.string(), imageId: idSchema, filename: z.string() })),
});
export type SourceLookupResponse = z.infer<typeof sourceLookupResponseSchema>;
