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
} from './common';
import { safeText } from './safe-text';

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
});
export type RegisterImageRequest = z.input<typeof registerImageRequestSchema>;

export const imageResponseSchema = z.object({ image: imageSchema });

export const imageSortSchema = z.enum(['newest', 'oldest', 'name', 'size']);
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
