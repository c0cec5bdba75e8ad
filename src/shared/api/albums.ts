// Contracts for albums: named groups of one user's images.
import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';

export const albumSchema = z.object({
  id: idSchema,
  ownerId: idSchema,
  name: z.string(),
  imageCount: z.number().int(),
  createdAt: isoDateSchema,
});
export type Album = z.infer<typeof albumSchema>;

const albumNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

export const createAlbumRequestSchema = z.object({ name: albumNameSchema });
export const updateAlbumRequestSchema = z.object({ name: albumNameSchema });
export const albumResponseSchema = z.object({ album: albumSchema });
export const listAlbumsResponseSchema = z.object({ albums: z.array(albumSchema) });
export const albumIdParamsSchema = z.object({ id: idSchema });
