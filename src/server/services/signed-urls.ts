// Short-lived signed GET URLs, issued only for objects the caller may read. Each URL tells the
// store how to answer: with the type the image was registered as and an inline disposition with
// a safe file name, whatever metadata the object itself carries.
import path from 'node:path';
import { create as contentDisposition } from 'content-disposition';
import type { GalleryImage, Image, SignedUrlResponse } from '../../shared/api';
import { CodedError } from '../../shared/errors';
import { IMAGE_MEDIA_TYPES, type ImageMediaType } from '../../shared/media-types';
import type { ImageRow } from '../db/schema';
import { toImage, type ImagesRepo, type Viewer } from '../repos/images-repo';
import type { UsersRepo } from '../repos/users-repo';
import type { ObjectStore, ResponseOverrides } from '../storage/object-store';

/** The media type a stored key's extension stands for (avatars have no row that says). */
function typeOfKey(key: string): ImageMediaType {
  const ext = path.extname(key).slice(1);
  const found = Object.entries(IMAGE_MEDIA_TYPES).find(([, extension]) => extension === ext);
  return (found?.[0] as ImageMediaType | undefined) ?? 'image/webp';
}

/** Control characters and direction overrides, which a saved file's name must not carry. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it matches
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export type Disposition = 'inline' | 'attachment';

/** How a URL is signed: its lifetime (the configured one by default) and disposition. */
export interface SignOptions {
  expiresIn?: number | undefined;
  disposition?: Disposition | undefined;
}

/** The name as given and an ASCII fallback (content-disposition quotes both). */
function inline(
  contentType: string,
  filename: string,
  type: Disposition = 'inline',
): ResponseOverrides {
  const safe = filename.replace(UNSAFE_IN_NAMES, '_');
  return { contentType, contentDisposition: contentDisposition(safe, { type }) };
}

export class SignedUrls {
  constructor(
    private readonly store: ObjectStore,
    private readonly images: ImagesRepo,
    private readonly users: UsersRepo,
    private readonly ttlSeconds: number,
  ) {}

  /** A profile image (or any key without a row): its type from its extension. */
  async forKey(key: string): Promise<SignedUrlResponse> {
    return this.sign(key, inline(typeOfKey(key), path.basename(key)));
  }

  forImage(
    row: ImageRow,
    variant: 'original' | 'thumbnail',
    options: SignOptions = {},
  ): Promise<SignedUrlResponse> {
    const ttl = options.expiresIn ?? this.ttlSeconds;
    if (variant === 'thumbnail' && row.thumbnailKey) {
      const name = `${path.parse(row.filename).name || 'image'}-thumbnail.webp`;
      return this.sign(row.thumbnailKey, inline('image/webp', name, options.disposition), ttl);
    }
    return this.sign(row.key, inline(row.contentType, row.filename, options.disposition), ttl);
  }

  private async sign(
    key: string,
    response: ResponseOverrides,
    ttl = this.ttlSeconds,
  ): Promise<SignedUrlResponse> {
    const { url, expiresAt } = await this.store.presignGet(key, ttl, response);
    return { url, expiresAt: expiresAt.toISOString() };
  }

  /** The same 404 for "no such key" and "not yours", so keys cannot be probed. */
  async forViewerKey(viewer: Viewer, key: string): Promise<SignedUrlResponse> {
    const row = await this.images.findVisibleByObjectKey(key, viewer);
    if (row) return this.forImage(row, key === row.thumbnailKey ? 'thumbnail' : 'original');
    const user = await this.users.findById(viewer.id);
    if (user?.avatarKey === key) return this.forKey(key);
    throw new CodedError('NOT_FOUND', 'No image with this key exists in your gallery.');
  }

  async forImages(
    viewer: Viewer,
    ids: string[],
    variant: 'original' | 'thumbnail',
    options: SignOptions = {},
  ): Promise<Record<string, SignedUrlResponse>> {
    const rows = await this.images.findVisibleMany([...new Set(ids)], viewer);
    const signed = await Promise.all(rows.map((row) => this.forImage(row, variant, options)));
    return Object.fromEntries(rows.map((row, i) => [row.id, signed[i]!]));
  }

  async gallery(rows: ImageRow[]): Promise<GalleryImage[]> {
    return Promise.all(
      rows.map(async (row) => {
        const image: Image = toImage(row);
        const [original, thumbnail] = await Promise.all([
          this.forImage(row, 'original'),
          this.forImage(row, 'thumbnail'),
        ]);
        return {
          ...image,
          url: original.url,
          thumbnailUrl: thumbnail.url,
          urlExpiresAt: original.expiresAt,
        };
      }),
    );
  }
}
