// Shared schemas the OpenAPI document names as components, so generated clients get named types
// (Image, User, ...) and each schema is written once instead of inlined into every operation.
import { z } from 'zod';
import {
  albumSchema,
  galleryImageSchema,
  imageSchema,
  presignResponseSchema,
  signedUrlResponseSchema,
  userSchema,
} from '../../shared/api';

export type ComponentMeta = { id?: string; description?: string; [key: string]: unknown };

/**
 * Only schemas that appear in responses belong here: components are emitted in their output
 * form, so one used in a request would be referenced as "<id>Input" and not resolve (the
 * Redocly test in tests/server/api/openapi.test.ts would fail on that).
 */
export const componentRegistry = z.registry<ComponentMeta>();

componentRegistry.add(userSchema, { id: 'User', description: 'An account' });
componentRegistry.add(imageSchema, { id: 'Image', description: 'A registered image' });
componentRegistry.add(galleryImageSchema, {
  id: 'GalleryImage',
  description: 'An image with fresh signed GET URLs for the original and its thumbnail',
});
componentRegistry.add(albumSchema, { id: 'Album', description: 'A named group of images' });
componentRegistry.add(presignResponseSchema, {
  id: 'PresignedUpload',
  description: 'Where and how to PUT one file: send exactly these headers with the bytes',
});
componentRegistry.add(signedUrlResponseSchema, {
  id: 'SignedUrl',
  description: 'A short-lived GET URL for one object',
});

/** The registry as `components.schemas`, in the JSON Schema dialect of OpenAPI 3.1. */
export function componentSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(componentRegistry, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  // The document places each schema itself; per-schema dialect and identity keys would only
  // repeat (or contradict) that.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]),
  );
}
