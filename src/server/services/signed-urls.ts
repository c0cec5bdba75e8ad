// Short-lived signed GET URLs, issued only for objects the caller may read.
import type { GalleryImage, Image, SignedUrlResponse } from '../../shared/api';
import { CodedError } from '../../shared/errors';
import type { ImageRow } from '../db/schema';
import { toImage, type ImagesRepo, type Viewer } from '../repos/images-repo';
import type { UsersRepo } from '../repos/users-repo';
import type { ObjectStore } from '../storage/object-store';

export class SignedUrls {
  constructor(
    private readonly store: ObjectStore,
    private readonly images: ImagesRepo,
    private readonly users: UsersRepo,
    private readonly ttlSeconds: number,
  ) {}

  async forKey(key: string): Promise<SignedUrlResponse> {
    const { url, expiresAt } = await this.store.presignGet(key, this.ttlSeconds);
    return { url, expiresAt: expiresAt.toISOString() };
  }

  forImage(row: ImageRow, variant: 'original' | 'thumbnail'): Promise<SignedUrlResponse> {
    return this.forKey(variant === 'thumbnail' && row.thumbnailKey ? row.thumbnailKey : row.key);
  }

  /** The same 404 for "no such key" and "not yours", so keys cannot be probed. */
  async forViewerKey(viewer: Viewer, key: string): Promise<SignedUrlResponse> {
    if (await this.images.findVisibleByObjectKey(key, viewer)) return this.forKey(key);
    const user = await this.users.findById(viewer.id);
    if (user?.avatarKey === key) return this.forKey(key);
    throw new CodedError('NOT_FOUND', 'No image with this key exists in your gallery.');
  }

  async forImages(
    viewer: Viewer,
    ids: string[],
    variant: 'original' | 'thumbnail',
  ): Promise<Record<string, SignedUrlResponse>> {
    const rows = await this.images.findVisibleMany([...new Set(ids)], viewer);
    const signed = await Promise.all(rows.map((row) => this.forImage(row, variant)));
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
