// Contracts for the tag list: every tag on the caller's images (or, for admins, anyone's) with
// how many images carry it.
import { z } from 'zod';
import { idSchema } from './common';

export const listTagsQuerySchema = z.object({
  /** Admins only: "me" (default), "all", or a user id, as for the image listing. */
  owner: z.union([z.literal('me'), z.literal('all'), idSchema]).optional(),
});
export type ListTagsQuery = z.input<typeof listTagsQuerySchema>;

export const tagCountSchema = z.object({ name: z.string(), count: z.number().int() });
export type TagCount = z.infer<typeof tagCountSchema>;

/** Most used first, then by name. */
export const listTagsResponseSchema = z.object({ tags: z.array(tagCountSchema) });
export type ListTagsResponse = z.infer<typeof listTagsResponseSchema>;
