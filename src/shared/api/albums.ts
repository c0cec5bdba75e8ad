// Contracts for albums: named groups of one user's images.
import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import { safeText } from './safe-text';

export const albumSchema = z.object({
  id: idSchema,
  ownerId: idSchema,
  name: z.string(),
  imageCount: z.number().int(),
  createdAt: isoDateSchema,
});
export type Album = z.infer<typeof albumSchema>;

export const albumNameSchema = safeText({ min: 1, max: 100 });

export const createAlbumRequestSchema = z.object({ name: albumNameSchema });
export const updateAlbumRequestSchema = z.object({ name: albumNameSchema });
export const albumResponseSchema = z.object({ album: albumSchema });
export const listAlbumsResponseSchema = z.object({ albums: z.array(albumSchema) });
export const albumIdParamsSchema = z.object({ id: idSchema });
