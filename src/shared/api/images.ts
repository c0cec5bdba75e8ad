// Contracts for registered images, the gallery listing and edits.
import { z } from 'zod';
import { IMAGE_MEDIA_TYPES, imageMediaTypeSchema, type ImageMediaType } from '../media-types';
import {
  filenameSchema,
  idSchema,
  isoDateSchema,
  objectKeySchema,
  sha256Schema,
  tagSchema,
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
  /** When the image was moved to the trash; null while it is in the gallery. */
  trashedAt: isoDateSchema.nullable(),
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

/**
 * name and name-desc sort by the title a person sees, else the filename, ignoring case and accents.
 * taken: newest taken first; taken-oldest: oldest first; images without a date last in both.
 */
export const imageSortSchema = z.enum([
  'newest',
  'oldest',
  'name',
  'name-desc',
  'size',
  'smallest',
  'taken',
  'taken-oldest',
]);
export type ImageSort = z.infer<typeof imageSortSchema>;

/** Type families for `type=`: the stored file's format, named by its usual extension. */
export const IMAGE_TYPE_FAMILIES = Object.fromEntries(
  Object.entries(IMAGE_MEDIA_TYPES).map(([mediaType, ext]) => [ext, mediaType]),
) as Record<string, ImageMediaType>;
const imageTypeFamilySchema = z.enum(Object.keys(IMAGE_TYPE_FAMILIES) as [string, ...string[]], {
  error: `must be one of ${Object.keys(IMAGE_TYPE_FAMILIES).join(', ')}`,
});

export const MAX_TAG_FILTERS = 10;

/**
 * A query parameter that may be given once or repeated (`tag=a&tag=b`); always a list after
 * parsing. A single value is wrapped first, so each value's own message reaches the person.
 */
function repeatable<T extends z.ZodType<string>>(item: T, max: number) {
  return z
    .preprocess(
      (value) => (typeof value === 'string' ? [value] : value),
      z.array(item).max(max, `at most ${max} values`),
    )
    .optional();
}

export const listImagesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  /**
   * Words found anywhere in the filename, title, alt text, tags or album name, ignoring case and
   * accents. From 3 letters on an index answers; shorter terms scan the account's images.
   */
  q: safeText({ max: 200 }).optional(),
  /** Images carrying every one of these tags (exact). */
  tag: repeatable(tagSchema, MAX_TAG_FILTERS),
  /** Images stored in one of these formats (jpg, png, webp, avif, heic, gif, tiff). */
  type: repeatable(imageTypeFamilySchema, Object.keys(IMAGE_TYPE_FAMILIES).length),
  /** An album id, or "none" for images in no album. */
  albumId: z.union([idSchema, z.literal('none')]).optional(),
  sha256: sha256Schema.optional(),
  /** Admins only: "me" (default), "all", or a user id. */
  owner: z.union([z.literal('me'), z.literal('all'), idSchema]).optional(),
  sort: imageSortSchema.default('newest'),
  /** Date taken from/to, inclusive: a day (2021-05-04) or a date-time; undated images never match. */
  takenFrom: takenBoundSchema.optional(),
  takenTo: takenBoundSchema.optional(),
  /** "true": the trash instead of the gallery, newest trashed first (`sort` does not apply). */
  trash: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
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
/** A SigV4 presigned URL lives at most 7 days. */
export const MAX_SIGNED_URL_SECONDS = 604_800;
export const MIN_SIGNED_URL_SECONDS = 60;
/** The lifetimes "Copy link" offers: 5 minutes, 1 hour, 1 day, 7 days. */
export const LINK_EXPIRY_CHOICES = [300, 3_600, 86_400, MAX_SIGNED_URL_SECONDS] as const;
export const signedUrlsRequestSchema = z.object({
  ids: z
    .array(idSchema)
    .min(1, 'must list at least one id')
    .max(MAX_SIGNED_URL_BATCH, `at most ${MAX_SIGNED_URL_BATCH} ids`),
  variant: z.enum(['original', 'thumbnail']).default('thumbnail'),
  /** Seconds the URLs work; the server's SIGNED_URL_TTL_SECONDS when left out. */
  expiresIn: z
    .number()
    .int('must be a whole number of seconds')
    .min(MIN_SIGNED_URL_SECONDS, 'must be at least 60 seconds')
    .max(MAX_SIGNED_URL_SECONDS, 'must be at most 7 days (604800 seconds), the longest S3 allows')
    .optional(),
  /** `attachment` makes a browser save the file (with its name) instead of showing it. */
  disposition: z.enum(['inline', 'attachment']).default('inline'),
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
